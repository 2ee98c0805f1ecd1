/**
 * The groups of memberships as read. Prisma reads a relation in a second query: a group deleted between the two
 * (seen on PostgreSQL) leaves a membership without its group, which simply no longer counts.
 */
export function liveGroups<G>(memberships: readonly { group: G | null }[]): G[] {
  return memberships.map((m) => m.group).filter((group): group is G => group !== null);
}
