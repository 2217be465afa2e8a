import type { Kysely } from 'kysely';
import { runStatements } from './run-sql.ts';

/**
 * Click & Collect (issue 20): a pickup group ready at the counter has a pickup code (6 digits, unique among the groups
 * waiting at its store), the end of its pickup window, when the customer was reminded, when it became ready, and who
 * collected it (name, relation, whether an ID was checked or the code given). The deadline worker finds the groups
 * whose window ends through `delivery_groups_pickup_deadline`; the counter finds a code through
 * `delivery_groups_pickup_code`, which also keeps two waiting groups of one store from sharing a code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table delivery_groups add column pickup_code text;
    alter table delivery_groups add column pickup_by timestamptz;
    alter table delivery_groups add column reminded_at timestamptz;
    alter table delivery_groups add column collected_by jsonb;
    alter table delivery_groups add column ready_at timestamptz;
    create index delivery_groups_pickup_deadline on delivery_groups (pickup_by) where status = 'ready_for_pickup';
    create unique index delivery_groups_pickup_code on delivery_groups (pickup_location_id, pickup_code) where status = 'ready_for_pickup';
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    drop index delivery_groups_pickup_code;
    drop index delivery_groups_pickup_deadline;
    alter table delivery_groups drop column pickup_code, drop column pickup_by, drop column reminded_at, drop column collected_by, drop column ready_at;
    `,
  );
}
