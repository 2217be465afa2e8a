import { sql, type Selectable } from 'kysely';
import { assertActsForChannel, type Principal } from '../../platform/auth/principal.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { InvalidInput, NotFound } from '../../platform/errors.ts';
import { decodeCursor, toPage, type Page } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import { publish } from '../../platform/outbox.ts';
import { lockChannel } from '../channels/service.ts';
import { ruleSetMove } from './rule-set-machine.ts';
import type { NewRuleSet, RuleSet, RuleSetContent } from './schema.ts';
import type { RoutingRuleSetsTable, RuleSetStatus } from './tables.ts';

/**
 * A channel's routing rules, in versions: each new set is a draft numbered after the channel's last version; a draft
 * may be rewritten until it is activated; activating it archives the version active before, in the same transaction
 * (a partial unique index keeps one active per channel), and publishes `routing.rule_set_activated`. An archived
 * version can be activated again: the rollback. A channel with no active version is routed by the built-in rules.
 * Admins write; a channel's key reads its own channel's versions.
 */

type RuleSetRow = Selectable<RoutingRuleSetsTable>;

const toRuleSet = (row: RuleSetRow): RuleSet => ({
  id: row.id,
  channelId: row.channel_id,
  version: row.version,
  name: row.name,
  status: row.status,
  document: row.document,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  activatedAt: row.activated_at?.toISOString() ?? null,
  archivedAt: row.archived_at?.toISOString() ?? null,
});

/** A channel key reads its own channel's rule sets; another's is answered as one that does not exist. */
function assertMaySee(principal: Principal, row: RuleSetRow): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'channel' && principal.channelId === row.channel_id) return;
  throw new NotFound('Rule set', row.id);
}

/**
 * A draft numbered after the channel's last version. Creations for one channel take turns on the channel's row
 * (unique (channel_id, version) would refuse the second of two that read the same last version), and each reads the
 * last version after the one before it committed.
 */
export async function createRuleSet(trx: Trx, principal: Principal, input: NewRuleSet): Promise<RuleSet> {
  await lockChannel(trx, input.channelId).catch((error: unknown) => {
    if (error instanceof NotFound) throw new InvalidInput([{ field: 'body.channelId', message: `channel ${input.channelId} does not exist` }]);
    throw error;
  });
  const { rows } = await sql<RuleSetRow>`
    insert into routing_rule_sets (id, channel_id, version, name, status, document, created_by)
    select ${newId()}::uuid, ${input.channelId}::uuid, coalesce(max(version), 0) + 1, ${input.name}, 'draft', ${JSON.stringify(input.document)}::jsonb, ${principal.actor}
    from routing_rule_sets where channel_id = ${input.channelId}::uuid
    returning *`.execute(trx);
  return toRuleSet(rows[0]!);
}

export async function getRuleSet(db: Executor, principal: Principal, id: string): Promise<RuleSet> {
  const row = await db.selectFrom('routing_rule_sets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Rule set', id);
  assertMaySee(principal, row);
  return toRuleSet(row);
}

export interface RuleSetFilter {
  limit: number;
  cursor?: string | undefined;
  channelId?: string | undefined;
  status?: RuleSetStatus | undefined;
}

/** Oldest first. A channel key lists its own channel's; naming another channel is refused (403). */
export async function listRuleSets(db: Executor, principal: Principal, filter: RuleSetFilter): Promise<Page<RuleSet>> {
  if (filter.channelId !== undefined) assertActsForChannel(principal, filter.channelId);
  const after = decodeCursor(filter.cursor);
  const channelId = principal.role === 'channel' ? principal.channelId! : filter.channelId;
  const rows = await db
    .selectFrom('routing_rule_sets')
    .selectAll()
    .$if(channelId !== undefined, (q) => q.where('channel_id', '=', channelId!))
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
    .$if(after !== undefined, (q) => q.where('id', '>', after!))
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows, filter.limit, (row) => row.id, toRuleSet);
}

async function lockRuleSet(trx: Trx, id: string): Promise<RuleSetRow> {
  const row = await trx.selectFrom('routing_rule_sets').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFound('Rule set', id);
  return row;
}

/** Replaces the name and rules of a draft; an active or archived version is frozen (422 invalid-transition). */
export async function replaceRuleSet(trx: Trx, id: string, content: RuleSetContent): Promise<RuleSet> {
  const row = await lockRuleSet(trx, id);
  ruleSetMove(row.status, 'edit');
  const updated = await trx
    .updateTable('routing_rule_sets')
    .set({ name: content.name, document: JSON.stringify(content.document) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRuleSet(updated);
}

/**
 * Makes a draft or an archived version the channel's active one, archiving the one active before. Every version of
 * the channel is locked first, in version order: two activations for one channel take turns, and the second sees
 * what the first made active (never two active, which the index would refuse with a 409).
 */
export async function activateRuleSet(trx: Trx, id: string): Promise<RuleSet> {
  const target = await trx.selectFrom('routing_rule_sets').select('channel_id').where('id', '=', id).executeTakeFirst();
  if (!target) throw new NotFound('Rule set', id);
  const versions = await trx
    .selectFrom('routing_rule_sets')
    .select(['id', 'status'])
    .where('channel_id', '=', target.channel_id)
    .orderBy('version')
    .forUpdate()
    .execute();
  const step = ruleSetMove(versions.find((version) => version.id === id)!.status, 'activate');
  const now = new Date();
  const previous = versions.find((version) => version.status === 'active');
  if (previous) {
    await trx
      .updateTable('routing_rule_sets')
      .set({ status: ruleSetMove(previous.status, 'archive').to, archived_at: now })
      .where('id', '=', previous.id)
      .execute();
  }
  const row = await trx
    .updateTable('routing_rule_sets')
    .set({ status: step.to, activated_at: now, archived_at: null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (step.emits) {
    await publish(trx, [
      { type: step.emits, subject: `channel:${row.channel_id}`, payload: { ruleSetId: row.id, channelId: row.channel_id, version: row.version } },
    ]);
  }
  return toRuleSet(row);
}

/** Archives a draft, or the active version: the channel's orders then follow the built-in rules until another is activated. */
export async function archiveRuleSet(trx: Trx, id: string): Promise<RuleSet> {
  const row = await lockRuleSet(trx, id);
  const step = ruleSetMove(row.status, 'archive');
  const updated = await trx
    .updateTable('routing_rule_sets')
    .set({ status: step.to, archived_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRuleSet(updated);
}
