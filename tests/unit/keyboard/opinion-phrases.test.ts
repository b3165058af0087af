import { describe, expect, it } from 'vitest';
import {
  OPINION_PHRASES,
  phraseOfKey,
  withPhrase,
} from '../../../src/renderer/review/opinion-phrases';

const key = { ctrlKey: true, shiftKey: true, altKey: false };

describe('opinion quick-phrases', () => {
  it('Ctrl+Shift+1…4 name the four phrases, nothing else does [R-OPINION]', () => {
    expect(phraseOfKey({ ...key, code: 'Digit1' })).toBe(OPINION_PHRASES[0]);
    expect(phraseOfKey({ ...key, code: 'Digit4' })).toBe(OPINION_PHRASES[3]);
    expect(phraseOfKey({ ...key, code: 'Digit5' })).toBeNull();
    expect(phraseOfKey({ ...key, shiftKey: false, code: 'Digit1' })).toBeNull();
    expect(phraseOfKey({ ...key, code: 'KeyA' })).toBeNull();
  });

  it('a phrase fills an empty opinion, follows written text, and is not repeated [R-OPINION]', () => {
    expect(withPhrase('', '甲')).toBe('甲');
    expect(withPhrase('已核对。', '甲')).toBe('已核对；甲');
    expect(withPhrase('甲', '甲')).toBe('甲');
  });
});
