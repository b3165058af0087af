import { Button, Form, Input, InputNumber, Select } from 'antd';
import { type ReceiveInput, useStockStore } from './stock-store';

interface Fields {
  medListCodg: string;
  batchNo: string;
  expiry: string;
  manufactureDate?: string;
  packs: number;
  unitPrice?: number;
  supplierName: string;
  supplierPermitNo?: string;
  invoiceNo?: string;
  deliveryNo?: string;
}

const DATE = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 yyyy-MM-dd' };
const req = (label: string) => ({ required: true, message: `请填写${label}` });

/** Drop empty optional fields: the contract takes them as absent, not as ''. */
function toInput(f: Fields): ReceiveInput {
  const entries = Object.entries(f).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return Object.fromEntries(entries) as ReceiveInput;
}

/** 进货 (Alt+J): one batch from the delivery note; its 商品采购（3503）is queued with it. */
export function ReceiveForm() {
  const [form] = Form.useForm<Fields>();
  const drugs = useStockStore((s) => s.drugs);
  const busy = useStockStore((s) => s.busy);
  const submit = async (f: Fields) => {
    if (await useStockStore.getState().receive(toInput(f))) form.resetFields();
  };
  return (
    <section data-testid="stock-receive">
      <h3>进货入库（Alt+J）</h3>
      <Form<Fields> form={form} layout="vertical" size="small" onFinish={submit}>
        <Form.Item name="medListCodg" label="药品" rules={[req('药品')]}>
          <Select
            data-testid="stock-receive-drug"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="输入药品名称检索"
            options={drugs.map((d) => ({
              value: d.medListCodg,
              label: `${d.genname} ${d.spec}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="batchNo" label="批号" rules={[req('批号')]}>
          <Input data-testid="stock-receive-batch" />
        </Form.Item>
        <Form.Item name="expiry" label="有效期至" rules={[req('有效期'), DATE]}>
          <Input data-testid="stock-receive-expiry" placeholder="yyyy-MM-dd" />
        </Form.Item>
        <Form.Item name="manufactureDate" label="生产日期" rules={[req('生产日期'), DATE]}>
          <Input data-testid="stock-receive-manu" placeholder="yyyy-MM-dd" />
        </Form.Item>
        <Form.Item name="packs" label="数量（盒）" rules={[req('数量')]}>
          <InputNumber data-testid="stock-receive-packs" min={1} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="unitPrice" label="成交单价（元，空则按目录价）">
          <InputNumber data-testid="stock-receive-price" min={0} precision={2} />
        </Form.Item>
        <Form.Item name="supplierName" label="供应商" rules={[req('供应商')]}>
          <Input data-testid="stock-receive-supplier" />
        </Form.Item>
        <Form.Item name="supplierPermitNo" label="供应商许可证号">
          <Input data-testid="stock-receive-permit" />
        </Form.Item>
        <Form.Item name="invoiceNo" label="发票号">
          <Input data-testid="stock-receive-invoice" />
        </Form.Item>
        <Form.Item name="deliveryNo" label="随货单号">
          <Input data-testid="stock-receive-delivery" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="stock-receive-submit">
          入库并上传（回车）
        </Button>
      </Form>
    </section>
  );
}
