import { describe, expect, it } from 'vitest';
import { plainCenterError } from '../../../src/domain/center/plain-center-error';

describe('queue errors in plain Chinese', () => {
  it('says transport failures in Chinese and keeps the raw text only as detail [R-SALES-UP]', () => {
    const raws = [
      'network: 无法连接医保中心：connect ECONNREFUSED 127.0.0.1:9',
      'timeout: 医保中心 1500 毫秒内未应答',
      'http: 医保中心网关返回 HTTP 503：{"code":503,"message":"维护中"}',
      'malformed: 医保中心应答无法识别：Unexpected token < in JSON',
      'TypeError: fetch failed',
    ];
    for (const raw of raws) {
      const plain = plainCenterError(raw);
      expect(plain.message, raw).not.toMatch(/HTTP|\{|ECONN|Error|network|timeout/);
      expect(plain.message, raw).toMatch(/医保中心/);
      expect(plain.detail).toBe(raw);
    }
  });

  it('keeps the center’s own words of a refusal as they are [R-SALES-UP]', () => {
    const refusal = '医保中心拒绝：追溯码 8010371000000000001 已被销售';
    expect(plainCenterError(refusal)).toEqual({ message: refusal, detail: null });
  });
});
