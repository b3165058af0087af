import { Button, Form, Input, InputNumber, Radio } from 'antd';
import { ScannedCodes } from './ScannedCodes';
import { useStockStore } from './stock-store';

type Kind = '退货' | '报损' | '报溢' | '盘点差异';

interface Fields {
  kind: Kind;
  packs: number;
  reason?: string;
}

const KINDS: Kind[] = ['退货', '报损', '报溢', '盘点差异'];

/**
 * 退货/报损/报溢/盘点差异 of the selected batch (Alt+T); 3504 or 3502 is queued with it. Packs that
 * leave (退货, 报损, a shortage) are scanned one code each and named on the upload.
 */
export function ChangeForm() {
  const [form] = Form.useForm<Fields>();
  const selected = useStockStore((s) =>
    s.items.flatMap((i) => i.batches).find((b) => b.batchId === s.selectedBatchId),
  );
  const busy = useStockStore((s) => s.busy);
  const submit = async (f: Fields) => {
    const s = useStockStore.getState();
    const reason = f.reason?.trim() ?? '';
    const done =
      f.kind === '退货'
        ? await s.returnToSupplier(f.packs, reason || '退回供应商')
        : await s.adjust(
            f.kind === '报损'
              ? -Math.abs(f.packs)
              : f.kind === '报溢'
                ? Math.abs(f.packs)
                : f.packs,
            f.kind,
            reason,
          );
    if (done) form.resetFields(['packs', 'reason']);
  };
  return (
    <section data-testid="stock-change">
      <h3>库存变动（Alt+T）</h3>
      <p data-testid="stock-change-batch">
        {selected
          ? `所选批次：${selected.genname} 批号 ${selected.batchNo}，现有 ${selected.packsOnHand} 盒`
          : '请先在批次列表中选择批次（点击或 ↑↓）'}
      </p>
      <Form<Fields>
        form={form}
        layout="vertical"
        size="small"
        onFinish={submit}
        onFocus={() => useStockStore.getState().aim('return')}
        initialValues={{ kind: '退货' }}
        disabled={!selected}
      >
        <Form.Item name="kind" label="类型">
          <Radio.Group
            data-testid="stock-change-kind"
            options={KINDS.map((k) => ({ value: k, label: k }))}
          />
        </Form.Item>
        <Form.Item
          name="packs"
          label="数量（盒；盘点差异：多出为正、短少为负）"
          rules={[{ required: true, message: '请填写数量' }]}
        >
          <InputNumber data-testid="stock-change-packs" min={-100000} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="reason" label="原因">
          <Input data-testid="stock-change-reason" maxLength={200} />
        </Form.Item>
        <ScannedCodes target="return" />
        <Button type="primary" htmlType="submit" loading={busy} data-testid="stock-change-submit">
          确认并上传（回车）
        </Button>
      </Form>
    </section>
  );
}
