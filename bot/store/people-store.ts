/** People: which Slack user is which owner (客户经理), and who is a manager or admin. */

export type Role = 'manager' | 'admin';

/** The owner ↔ Slack user map and roles. */
export interface PeopleStore {
  mapOwner(owner: string, slackUserId: string, source: 'manual' | 'email'): void;
  ownerOfSlackUser(slackUserId: string): string | undefined;
  slackUserOfOwner(owner: string): string | undefined;
  ownerMappings(): { owner: string; slackUserId: string; source: string }[];
  setRole(slackUserId: string, role: Role | undefined): void;
  roleOf(slackUserId: string): Role | undefined;
}
