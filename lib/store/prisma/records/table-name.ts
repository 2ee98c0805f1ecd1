// Records tables are named by the server only (rec_<dataset>_<random>); this check is the last guard before a
// name is spliced into SQL or a file path.
const TABLE_NAME = /^rec_[a-z0-9]{1,16}_[a-z0-9]{1,16}$/;

export function assertTableName(table: string): string {
  if (!TABLE_NAME.test(table)) throw new Error(`Not a records table name: ${JSON.stringify(table)}`);
  return table;
}

export const isTableName = (name: string): boolean => TABLE_NAME.test(name);
