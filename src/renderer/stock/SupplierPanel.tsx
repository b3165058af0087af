import { Button, Form, Input, Table, Tag } from 'antd';
import type { SupplierView } from '../../contract/types-stock';
import { useStockStore } from './stock-store';

interface Fields {
  name: string;
  licenceNo: string;
  licenceValidUntil: string;
}

const req = (label: string) => ({ required: true, message: `请填写${label}` });

function status(s: SupplierView) {
  if (!s.active) return <Tag>已停用</Tag>;
  return s.mayDeliver ? <Tag color="green">有效</Tag> : <Tag color="red">许可证已过期</Tag>;
}

/**
 * 供应商资质 (Alt+A, R-SUPPLY): the managed supplier list. Entering a registered name renews its
 * licence; a new name registers the supplier. Receiving is possible only while the licence holds.
 */
export function SupplierPanel() {
  const [form] = Form.useForm<Fields>();
  const suppliers = useStockStore((s) => s.suppliers);
  const busy = useStockStore((s) => s.busy);
  const submit = async (f: Fields) => {
    const known = suppliers.find((s) => s.name === f.name.trim());
    const saved = await useStockStore
      .getState()
      .saveSupplier({ ...f, ...(known ? { id: known.id } : {}), active: true });
    if (saved) form.resetFields();
  };
  return (
    <section data-testid="stock-suppliers">
      <h3>供应商资质（Alt+A）</h3>
      <Table<SupplierView>
        size="small"
        rowKey="id"
        dataSource={suppliers}
        pagination={false}
        scroll={{ y: 120 }}
        onRow={(s) => ({
          'data-testid': `stock-supplier-${s.id}`,
          onClick: () => form.setFieldsValue(s),
        })}
        columns={[
          { title: '供应商', dataIndex: 'name' },
          { title: '许可证号', dataIndex: 'licenceNo' },
          { title: '有效期至', dataIndex: 'licenceValidUntil' },
          { title: '状态', render: (_, s) => status(s) },
        ]}
      />
      <Form<Fields> form={form} layout="inline" size="small" onFinish={submit}>
        <Form.Item name="name" rules={[req('供应商名称')]}>
          <Input data-testid="stock-supplier-name" placeholder="供应商名称" maxLength={100} />
        </Form.Item>
        <Form.Item name="licenceNo" rules={[req('许可证号')]}>
          <Input
            data-testid="stock-supplier-licence"
            placeholder="药品经营许可证号"
            maxLength={50}
          />
        </Form.Item>
        <Form.Item
          name="licenceValidUntil"
          rules={[req('有效期'), { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 yyyy-MM-dd' }]}
        >
          <Input data-testid="stock-supplier-valid" placeholder="有效期至 yyyy-MM-dd" />
        </Form.Item>
        <Button htmlType="submit" loading={busy} data-testid="stock-supplier-submit">
          登记/更新（回车）
        </Button>
      </Form>
    </section>
  );
}
