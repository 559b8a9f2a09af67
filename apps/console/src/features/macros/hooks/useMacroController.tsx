import type { MacroMode } from '@yidan/contracts';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { evaluateMacros } from '../api/macrosApi';
import type { AvailableMacro, MacroEvaluation } from '../types/macroTypes';
import { useAvailableMacros } from './useMacros';

type Values = Record<string, unknown>;
export interface MacroReply {
  text: string;
  public: boolean;
}

/** The ticket form's fields as the controller reads and writes them. */
export interface MacroFormBinding {
  /** Changes with each (re)load of the form; the 页面加载 macros run again after it. */
  key: string;
  read(): Values;
  write(values: Values, changed: string[]): void;
  /** Saves the form's pending changes (without macros): false when the save failed. */
  save?: () => Promise<boolean>;
}

/** The reply box (or the create form's description) as the controller reads and fills it. */
export interface MacroReplyBinding {
  get(): MacroReply & { status?: string };
  set(reply: MacroReply): void;
}

export interface MacroController {
  /** 用户触发 macros to show as buttons (those hidden by 宏控制 left out). */
  manual: AvailableMacro[];
  hidden: ReadonlySet<string>;
  hideReplies: boolean;
  readOnly: boolean;
  running: boolean;
  run(macro: AvailableMacro): Promise<void>;
  fieldChanged(keys: string[]): void;
  /** 工单提交 macros: applied to the form; `ok` false when one blocks the submit (its message shown). */
  beforeSubmit(): Promise<{ ok: boolean; reply: MacroReply | null }>;
  /** Saves the fields form's pending changes (the reply box sends them first). */
  saveForm(): Promise<boolean>;
  bindForm(binding: MacroFormBinding | null): void;
  bindReply(binding: MacroReplyBinding | null): void;
}

interface Options {
  ticketId?: number;
  templateId: number | null | undefined;
  /** The form is open (a ticket loaded and editable, the create drawer open). */
  active: boolean;
}

/**
 * The macros of one ticket form (manual 5.1.6.3, Zendesk's "apply macro"): 页面加载 macros when the
 * form (re)loads, 字段值改变 macros when a watched field changes, 用户触发 macros by their buttons, 工单提交
 * macros before saving. Each asks the server to evaluate over the form's current values and puts
 * the result into the form — nothing is saved until the agent submits.
 */
export function useMacroController({ ticketId, templateId, active }: Options): MacroController {
  const { t } = useT();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const { data: available } = useAvailableMacros(templateId ?? null, ticketId, active);
  const form = useRef<MacroFormBinding | null>(null);
  const reply = useRef<MacroReplyBinding | null>(null);
  const [formKey, setFormKey] = useState<string | null>(null);
  const loadedFor = useRef<string | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [hiddenMacros, setHiddenMacros] = useState<ReadonlySet<number>>(new Set());
  const [hideReplies, setHideReplies] = useState(false);
  const [readOnly, setReadOnly] = useState(false);
  const [running, setRunning] = useState(false);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const has = useCallback((mode: MacroMode) => (available ?? []).some((m) => m.mode === mode), [available]);

  const apply = useCallback(
    async (mode: MacroMode, extra: { macroId?: number; changedField?: string } = {}) => {
      const f = form.current;
      if (!f) return null;
      const r = reply.current?.get();
      const values = f.read();
      if (r?.status) values['ticket.status'] = r.status;
      const result: MacroEvaluation = await evaluateMacros({
        mode,
        ticketId,
        templateId: templateId ?? null,
        values,
        ...(r ? { reply: { text: r.text, public: r.public } } : {}),
        ...extra,
      });
      if (result.changedFields.length) f.write(result.values, result.changedFields);
      if (result.reply) reply.current?.set({ text: result.reply.text, public: result.reply.public });
      if (result.hiddenFields.length || result.shownFields.length)
        setHidden((prev) => {
          const next = new Set(prev);
          for (const k of result.hiddenFields) next.add(k);
          for (const k of result.shownFields) next.delete(k);
          return next;
        });
      if (result.hideReplies !== null) setHideReplies(result.hideReplies);
      if (result.readOnly) setReadOnly(true);
      if (result.hiddenMacroIds.length)
        setHiddenMacros((prev) => new Set([...prev, ...result.hiddenMacroIds]));
      return result;
    },
    [ticketId, templateId],
  );

  // 页面加载: after each (re)load of the form, from a clean slate.
  useEffect(() => {
    if (!active || !formKey || !available || loadedFor.current === formKey) return;
    loadedFor.current = formKey;
    setHidden(new Set());
    setHiddenMacros(new Set());
    setHideReplies(false);
    setReadOnly(false);
    if (available.some((m) => m.mode === 'load')) apply('load').catch((e) => showError(e));
  }, [active, formKey, available, apply, showError]);

  return useMemo<MacroController>(
    () => ({
      manual: (available ?? []).filter((m) => m.mode === 'manual' && !hiddenMacros.has(m.id)),
      hidden,
      hideReplies,
      readOnly,
      running,
      run: async (macro) => {
        setRunning(true);
        try {
          await apply('manual', { macroId: macro.id });
          message.success(t('macros.applied', { title: macro.title }));
        } catch (e) {
          showError(e);
        } finally {
          setRunning(false);
        }
      },
      fieldChanged: (keys) => {
        for (const key of keys) {
          if (!(available ?? []).some((m) => m.mode === 'change' && m.watchFields.includes(key))) continue;
          // Typing changes a field on every key: run once it settles.
          clearTimeout(timers.current.get(key));
          timers.current.set(
            key,
            setTimeout(() => apply('change', { changedField: key }).catch((e) => showError(e)), 300),
          );
        }
      },
      beforeSubmit: async () => {
        if (!has('submit')) return { ok: true, reply: null };
        try {
          const result = await apply('submit');
          if (result?.block) {
            modal.error({
              title: t('macros.blocked'),
              content: <span data-testid="macro-block-message">{result.block.message}</span>,
            });
            return { ok: false, reply: null };
          }
          return { ok: true, reply: result?.reply ?? null };
        } catch (e) {
          showError(e);
          return { ok: false, reply: null };
        }
      },
      saveForm: () => form.current?.save?.() ?? Promise.resolve(true),
      bindForm: (binding) => {
        form.current = binding;
        if (binding) setFormKey(binding.key);
      },
      bindReply: (binding) => {
        reply.current = binding;
      },
    }),
    [
      available,
      hidden,
      hiddenMacros,
      hideReplies,
      readOnly,
      running,
      apply,
      has,
      message,
      modal,
      showError,
      t,
    ],
  );
}
