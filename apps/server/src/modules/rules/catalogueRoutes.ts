import {
  type ConditionField,
  EVENT_OPERATORS,
  OPERATORS_BY_TYPE,
  type RuleCatalogueContext,
  type RulesCatalogue,
  rulesCatalogueQuery,
  rulesCatalogueSchema,
} from '@yidan/contracts';
import type { Db } from '../../platform/db/client.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { ticketCatalogue } from '../tickets/catalogue.js';
import { type TicketContext, ticketContext } from '../tickets/context.js';
import { automationBuilderCatalogue } from './automations.js';
import { triggerBuilderCatalogue } from './service.js';

type Builder = (db: Db, ctx: TicketContext) => Promise<{ conditions: ConditionField[]; actions: object[] }>;

/** What each rule kind's builder offers; modules with their own rule kinds (macros, SLA) register here. */
const builders = new Map<RuleCatalogueContext, Builder>([
  ['trigger', triggerBuilderCatalogue],
  ['automation', automationBuilderCatalogue],
  ['view', async (db, ctx) => ({ conditions: (await ticketCatalogue(db, ctx)).fields, actions: [] })],
]);

export function registerRuleCatalogue(context: RuleCatalogueContext, builder: Builder) {
  builders.set(context, builder);
}

/** `GET /api/v1/rules/catalogue?context=…`: one catalogue for every rule builder (DESIGN §4). */
export function rulesCatalogueRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/rules/catalogue',
    {
      config: { permission: 'ticket.view' as const },
      schema: {
        tags: ['rules'],
        summary: '规则目录：触发器、自动化任务、宏、查询器、SLA 可用的条件字段、运算符与操作',
        querystring: rulesCatalogueQuery,
        response: { 200: rulesCatalogueSchema },
      },
    },
    async (req): Promise<RulesCatalogue> => {
      const { context } = req.query;
      const builder = builders.get(context);
      const ctx = await ticketContext(db, actorOf(req));
      const built = builder ? await builder(db, ctx) : { conditions: [], actions: [] };
      return {
        context,
        // Only triggers look at a change: elsewhere changed / changed_to / changed_from do not apply.
        fields: built.conditions.map((f) => ({
          ...f,
          operators: OPERATORS_BY_TYPE[f.type].filter(
            (op) => context === 'trigger' || !(EVENT_OPERATORS as readonly string[]).includes(op),
          ),
        })),
        actions: built.actions as RulesCatalogue['actions'],
      };
    },
  );
}
