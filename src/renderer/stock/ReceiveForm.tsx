import { Alert, Button, Form, Input, InputNumber, Select } from 'antd';
import { ScannedCodes } from './ScannedCodes';
import { type ReceiveInput, useStockStore } from './stock-store';

interface Fields {
  medListCodg: string;
  batchNo: string;
  expiry: string;
  manufactureDate?: string;
  packs: number;
  unitPrice?: number;
  supplierId: number;
  invoiceNo?: string;
  deliveryNo?: string;
  arrivalTempC?: number;
  storagePlace?: string;
}

const DATE = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 yyyy-MM-dd' };
const req = (label: string) => ({ required: true, message: `请填写${label}` });

/** Optional text the contract takes as absent, not as ''. */
const given = <T,>(v: T | undefined | null | ''): T | undefined =>
  v === '' || v === null ? undefined : v;

/** The form as stock.receive takes it; the pack codes come from the scans. */
function toInput(f: Fields): Omit<ReceiveInput, 'codes'> {
  const temp = given(f.arrivalTempC);
  const place = given(f.storagePlace?.trim());
  return {
    medListCodg: f.medListCodg,
    batchNo: f.batchNo,
    expiry: f.expiry,
    packs: f.packs,
    supplierId: f.supplierId,
    manufactureDate: given(f.manufactureDate),
    unitPrice: given(f.unitPrice),
    invoiceNo: given(f.invoiceNo?.trim()),
    deliveryNo: given(f.deliveryNo?.trim()),
    // a cold-chain drug without both is refused by the server with the reason (R-SUPPLY)
    ...(temp !== undefined && place !== undefined
      ? { coldChain: { arrivalTempC: temp, storagePlace: place } }
      : {}),
  };
}

/**
 * 进货 (Alt+J): one batch from the delivery note, from a supplier with a valid licence, each pack's
 * code scanned (R-STOCK), a cold-chain drug with its arrival temperature and storage place
 * (R-SUPPLY); its 商品采购（3503）is queued with it.
 */
export function ReceiveForm() {
  const [form] = Form.useForm<Fields>();
  const drugs = useStockStore((s) => s.drugs);
  const suppliers = useStockStore((s) => s.suppliers);
  const busy = useStockStore((s) => s.busy);
  const medListCodg = Form.useWatch('medListCodg', form);
  const cold = drugs.find((d) => d.medListCodg === medListCodg)?.coldChain ?? null;
  const coldRule = cold ? [req('冷链记录')] : [];
  const submit = async (f: Fields) => {
    if (await useStockStore.getState().receive(toInput(f))) form.resetFields();
  };
  return (
    <section data-testid="stock-receive">
      <h3>进货入库（Alt+J）</h3>
      <Form<Fields>
        form={form}
        layout="vertical"
        size="small"
        onFinish={submit}
        onFocus={() => useStockStore.getState().aim('receive')}
      >
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
        <div className="stock-form-pair">
          <Form.Item name="batchNo" label="批号" rules={[req('批号')]}>
            <Input data-testid="stock-receive-batch" />
          </Form.Item>
          <Form.Item name="packs" label="数量（盒）" rules={[req('数量')]}>
            <InputNumber data-testid="stock-receive-packs" min={1} max={100000} precision={0} />
          </Form.Item>
        </div>
        <div className="stock-form-pair">
          <Form.Item name="expiry" label="有效期至" rules={[req('有效期'), DATE]}>
            <Input data-testid="stock-receive-expiry" placeholder="yyyy-MM-dd" />
          </Form.Item>
          <Form.Item name="manufactureDate" label="生产日期" rules={[req('生产日期'), DATE]}>
            <Input data-testid="stock-receive-manu" placeholder="yyyy-MM-dd" />
          </Form.Item>
        </div>
        <Form.Item name="supplierId" label="供应商（须许可证在有效期内）" rules={[req('供应商')]}>
          <Select
            data-testid="stock-receive-supplier"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="输入供应商名称检索（Alt+A 登记）"
            options={suppliers.map((s) => ({
              value: s.id,
              label: s.mayDeliver ? s.name : `${s.name}（${s.active ? '许可证已过期' : '已停用'}）`,
              disabled: !s.mayDeliver,
            }))}
          />
        </Form.Item>
        <div className="stock-form-pair">
          <Form.Item name="invoiceNo" label="发票号">
            <Input data-testid="stock-receive-invoice" />
          </Form.Item>
          <Form.Item name="unitPrice" label="成交单价（元，空则目录价）">
            <InputNumber data-testid="stock-receive-price" min={0} precision={2} />
          </Form.Item>
        </div>
        {cold && (
          <Alert
            type="warning"
            showIcon
            data-testid="stock-receive-cold"
            title={`冷链药品（${cold.minC}–${cold.maxC}℃）：须登记到货温度和存放位置，超出范围不能入库`}
          />
        )}
        <div className="stock-form-pair">
          <Form.Item name="arrivalTempC" label="冷链药品：到货温度（℃）" rules={coldRule}>
            <InputNumber data-testid="stock-receive-temp" min={-80} max={60} precision={1} />
          </Form.Item>
          <Form.Item name="storagePlace" label="冷链药品：存放位置" rules={coldRule}>
            <Input data-testid="stock-receive-place" maxLength={50} />
          </Form.Item>
        </div>
        <ScannedCodes target="receive" />
        <Button type="primary" htmlType="submit" loading={busy} data-testid="stock-receive-submit">
          入库并上传（回车）
        </Button>
      </Form>
    </section>
  );
}
