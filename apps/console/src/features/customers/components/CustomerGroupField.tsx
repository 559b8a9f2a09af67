import { Col, Form, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useCustomerGroups } from '../hooks/useCustomerGroups';
import { buildCustomerGroupTree } from './customerGroupTree';

/** 客户组 of a company (not a field definition: groups are managed in the list's group tree). */
export function CustomerGroupField({ label, disabled }: { label: string; disabled?: boolean }) {
  const { data: groups = [] } = useCustomerGroups();
  const tree = useMemo(() => buildCustomerGroupTree(groups), [groups]);
  return (
    <Col xs={24} sm={12}>
      <Form.Item name="groupId" label={label}>
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          disabled={disabled}
          treeData={tree}
          data-testid="company-form-group"
        />
      </Form.Item>
    </Col>
  );
}
