import { PERMISSION_GROUPS, type Permission, type PermissionGroup } from '@yidan/contracts';
import { Card, Checkbox, Col, Flex, Row } from 'antd';
import { useT } from '../../../i18n/useT';

interface Props {
  value?: Permission[];
  onChange?: (value: Permission[]) => void;
  disabled?: boolean;
}

const GROUPS = Object.keys(PERMISSION_GROUPS) as PermissionGroup[];

/** Permission checkboxes in the manual's groups (FAQ权限 … 其他权限), each with a select-all box. */
export function PermissionChecklist({ value = [], onChange, disabled }: Props) {
  const { t } = useT();

  const setGroup = (group: PermissionGroup, checked: readonly Permission[]) => {
    const inGroup: readonly Permission[] = PERMISSION_GROUPS[group];
    onChange?.([...value.filter((p) => !inGroup.includes(p)), ...checked]);
  };

  return (
    <Flex vertical gap={12}>
      {GROUPS.map((group) => {
        const keys: readonly Permission[] = PERMISSION_GROUPS[group];
        const checked = keys.filter((p) => value.includes(p));
        return (
          <Card
            key={group}
            size="small"
            data-testid={`perm-group-${group}`}
            title={
              <Checkbox
                checked={checked.length === keys.length}
                indeterminate={checked.length > 0 && checked.length < keys.length}
                disabled={disabled}
                onChange={(e) => setGroup(group, e.target.checked ? keys : [])}
              >
                {t(`permGroup.${group}`)}
              </Checkbox>
            }
          >
            <Checkbox.Group
              value={checked}
              disabled={disabled}
              onChange={(next) => setGroup(group, next as Permission[])}
              style={{ width: '100%' }}
            >
              <Row gutter={[8, 8]}>
                {keys.map((p) => (
                  <Col key={p} xs={12} sm={8}>
                    <Checkbox value={p} data-testid={`perm-${p}`}>
                      {t(`perm.${p}`)}
                    </Checkbox>
                  </Col>
                ))}
              </Row>
            </Checkbox.Group>
          </Card>
        );
      })}
    </Flex>
  );
}
