import { describe, expect, it } from 'vitest';
import { SIGNED_FIELD_SOURCES } from '../../../src/center/rx/fsi-72xx';
import { SIGNED_FIELDS } from '../../../src/center/rx/rx-file';
import { compareSignedFields, tamperedFieldsReason } from '../../../src/center/rx/signed-fields';
import { signedFields } from './rx-fixture';

function replyFrom(fields: Record<string, string>) {
  const reply = { data: {} as Record<string, unknown>, mdtrtinfo: {} as Record<string, unknown> };
  for (const f of SIGNED_FIELDS) {
    const { node, key } = SIGNED_FIELD_SOURCES[f];
    reply[node][key] = fields[f];
  }
  return reply;
}

describe('compareSignedFields', () => {
  it('all 20 signed fields equal the download [R-SIGN][ST-EPC-02-008]', () => {
    const fields = signedFields();
    const rows = compareSignedFields(fields, replyFrom(fields));
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.equal)).toBe(true);
    expect(rows.find((r) => r.field === 'patnName')).toMatchObject({
      source: 'mdtrtinfo.patn_name',
      signed: '张三',
      downloaded: '张三',
    });
    expect(tamperedFieldsReason(rows)).toBeNull();
  });

  it('a downloaded field that differs from what was signed is tampered and blocks [R-SIGN][ST-EPC-02-008]', () => {
    const fields = signedFields();
    const reply = replyFrom(fields);
    reply.mdtrtinfo.certno = '500103199001019999';
    delete reply.data.fixmedins_name;
    const rows = compareSignedFields(fields, reply);
    expect(rows.filter((r) => !r.equal).map((r) => r.field)).toEqual(['certno', 'fixmedinsName']);
    expect(rows.find((r) => r.field === 'fixmedinsName')?.downloaded).toBe('');
    expect(tamperedFieldsReason(rows)).toMatch(/certno\/mdtrtinfo\.certno.*不得审核或结算/);
  });
});
