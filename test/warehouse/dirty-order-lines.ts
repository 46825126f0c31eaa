// Dirty order lines the warehouse tests plant before the generated history
// (inside the engine's sample): pounds written in the cell, accounting
// negatives, a formula error, other date forms, an impossible date, a
// placeholder, a future date, empty and missing ids, exact duplicates, an
// empty amount to fill, a cancellation and a refund-only id.
export const DIRTY_ORDER_LINES: readonly (readonly string[])[] = [
  ['600001', 'A1', 'MUG', '2', '2023/5/6 10:00', '£2.50', '12346', 'United Kingdom', 'Alice Moore'],
  ['600001', 'A1', 'MUG', '2', '2023/5/6 10:00', '£2.50', '12346', 'United Kingdom', 'Alice Moore'],
  ['600002', 'A2', 'JUG', '1', '2023年6月7日', '(3.00)', '12347', 'United Kingdom', ''],
  ['600003', 'A3', 'CUP', '1', '2023-06-08', '#N/A', '12348', 'United Kingdom', 'Ben Carter'],
  ['600004', 'A4', 'PAN', '3', '2023-02-30', '1.25', '12349', 'United Kingdom', 'Ben Carter'],
  ['600005', 'A5', 'POT', '1', '0000-00-00', '4.00', '12350', 'United Kingdom', 'Ben Carter'],
  ['600006', 'A6', 'LID', '1', '2031-01-01', '4.00', '12350', 'United Kingdom', 'Ben Carter'],
  ['600007', 'A7', 'TIN', '1', '', '4.00', '12351', 'United Kingdom', 'Ben Carter'],
  ['600008', 'A8', 'BOX', '1', '2023-07-01 09:00', '4.00', '', 'United Kingdom', ''],
  ['600009', 'A9', 'BAG', '1', '2023-07-02 09:00', '4.00', '#REF!', 'United Kingdom', ''],
  ['600010', 'B1', 'BOWL', '2', '2023-07-03 11:00', '', '12352', 'United Kingdom', 'Chloe Price'],
  ['600011', 'B2', 'BOWL', '2', '2023-07-03 12:00', '5.00', '12352', 'United Kingdom', 'Chloe Price'],
  ['C600012', 'B3', 'PLATE', '-1', '2023-07-04 12:00', '6.00', '99990', 'United Kingdom', 'Dan Hughes'],
  ['600013', 'B4', 'FORK', 'x', '2023-07-05 12:00', '1.00', '12353', 'United Kingdom', 'Dan Hughes'],
];
