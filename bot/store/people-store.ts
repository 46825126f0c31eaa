/** People: which Slack user is which owner (客户经理), and who is a manager or admin. */

export type Role = 'manager' | 'admin';

/** The owner ↔ Slack user map and roles. */
export interface PeopleStore {
  mapOwner(owner: string, slackUserId: string, source: 'manual' | 'email'): Promise<void>;
  ownerOfSlackUser(slackUserId: string): Promise<string | undefined>;
  slackUserOfOwner(owner: string): Promise<string | undefined>;
  ownerMappings(): Promise<{ owner: string; slackUserId: string; source: string }[]>;
  setRole(slackUserId: string, role: Role | undefined): Promise<void>;
  roleOf(slackUserId: string): Promise<Role | undefined>;
}
