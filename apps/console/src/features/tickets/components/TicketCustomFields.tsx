import { Divider } from 'antd';
import { Fragment } from 'react';
import { CustomFieldItem } from '../../customers/components/CustomFieldItem';
import { useReadOnlyCheck } from '../../customers/hooks/useReadOnlyCheck';
import type { TicketFieldDef } from '../hooks/useTicketFieldDefs';

/**
 * The template's custom fields as form rows under `custom`, fields without a section first, then
 * each section (分组) under its heading — the customers' field controls, shared.
 */
export function TicketCustomFields({
  defs,
  locked,
}: {
  defs: TicketFieldDef[];
  /** Fields shown read-only whatever the role (the current 工单流 node does not let agents edit them). */
  locked?: ReadonlySet<string>;
}) {
  const isReadOnly = useReadOnlyCheck();
  const sections = [...new Set(defs.map((d) => d.section))].sort((a, b) =>
    a === null ? -1 : b === null ? 1 : 0,
  );
  return (
    <>
      {sections.map((section) => (
        <Fragment key={section ?? ''}>
          {section && (
            <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>
              {section}
            </Divider>
          )}
          {defs
            .filter((d) => d.section === section)
            .map((def) => (
              <CustomFieldItem
                key={def.key}
                def={def}
                prefix={['custom']}
                readOnly={def.type === 'calculated' || isReadOnly(def) || Boolean(locked?.has(def.key))}
              />
            ))}
        </Fragment>
      ))}
    </>
  );
}
