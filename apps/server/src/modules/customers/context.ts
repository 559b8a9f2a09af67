import type { FieldDefinition } from '@yidan/contracts';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import type { Writer } from '../../platform/fields/values.js';
import { localTime } from '../calendar/clock.js';
import { listFields } from '../fields/service.js';
import { groupMembers } from '../org/schema.js';
import type { CustomerSettings } from './schema.js';
import { companies } from './schema.js';
import { getCustomerSettings } from './settings.js';

/** What every customer operation needs to know about the caller and the vendor, loaded once. */
export interface CustomerContext {
  actor: Actor;
  settings: CustomerSettings;
  /** Privacy mode applies to this caller: phone numbers are masked in everything they get. */
  masked: boolean;
  /** The vendor's calendar date, for service status. */
  today: string;
  companyFields: FieldDefinition[];
  contactFields: FieldDefinition[];
  groupIds: number[];
  writer: Writer;
}

export async function customerContext(db: Db, actor: Actor): Promise<CustomerContext> {
  const [settings, companyFields, contactFields, memberships] = await Promise.all([
    getCustomerSettings(db, actor.vendorId),
    listFields(db, actor.vendorId, 'company'),
    listFields(db, actor.vendorId, 'contact'),
    db
      .select({ groupId: groupMembers.groupId })
      .from(groupMembers)
      .where(and(eq(groupMembers.vendorId, actor.vendorId), eq(groupMembers.agentId, actor.agentId))),
  ]);
  const isAdmin = actor.roleSystem === 'admin';
  const groupIds = memberships.map((m) => m.groupId);
  return {
    actor,
    settings,
    masked: settings.privacyMode && !(isAdmin && settings.privacyAdminsSeeFull),
    today: localTime(new Date(), actor.vendor.timeZone).date,
    companyFields,
    contactFields,
    groupIds,
    writer: { agentId: actor.agentId, groupIds, isAdmin },
  };
}

/** The little that identify needs: two lookups fewer per call than the full context. */
export type PresentContext = Pick<CustomerContext, 'actor' | 'settings' | 'masked' | 'today'>;

export async function presentContext(db: Db, actor: Actor): Promise<PresentContext> {
  const settings = await getCustomerSettings(db, actor.vendorId);
  const isAdmin = actor.roleSystem === 'admin';
  return {
    actor,
    settings,
    masked: settings.privacyMode && !(isAdmin && settings.privacyAdminsSeeFull),
    today: localTime(new Date(), actor.vendor.timeZone).date,
  };
}

/**
 * The companies a caller may see by their role's data scope: all; their groups' (owned by the
 * group or by one of its members); or their own (owner agent).
 */
export function companyScope(ctx: CustomerContext): SQL | undefined {
  const { actor } = ctx;
  if (actor.dataScope === 'all') return undefined;
  if (actor.dataScope === 'own' || ctx.groupIds.length === 0)
    return eq(companies.ownerAgentId, actor.agentId);
  return or(
    eq(companies.ownerAgentId, actor.agentId),
    inArray(companies.ownerGroupId, ctx.groupIds),
    sql`${companies.ownerAgentId} in (select gm.agent_id from group_members gm where gm.vendor_id = ${actor.vendorId} and gm.group_id in ${ctx.groupIds})`,
  );
}
