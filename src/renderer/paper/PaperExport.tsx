import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { usePaperStore } from './paper-store';
import { ROW } from './paper-styles';

/** Inspection bundle of an archive period: images, index with SM3 hashes, summary PDF. */
export function PaperExport() {
  const exported = usePaperStore((s) => s.exported);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <section className="paper-export" style={ROW}>
      <Input
        prefix="归档日期起"
        type="date"
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        style={{ width: 220 }}
      />
      <Input
        prefix="归档日期止"
        type="date"
        value={to}
        onChange={(e) => setTo(e.target.value)}
        style={{ width: 220 }}
      />
      <Button
        disabled={!from || !to}
        onClick={() => void usePaperStore.getState().exportRange(from, to)}
      >
        导出检查包
      </Button>
      {exported && (
        <Alert
          type="success"
          title={`已导出 ${exported.count} 张纸质处方至 ${exported.dir}（影像、index.json、index.csv、summary.pdf）`}
        />
      )}
    </section>
  );
}
