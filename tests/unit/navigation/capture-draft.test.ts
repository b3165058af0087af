import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../src/contract/types';
import { useNavigation } from '../../../src/renderer/navigation/navigation-store';
import { useCaptureDraftStore } from '../../../src/renderer/paper/capture-draft-store';
import { useSessionStore } from '../../../src/renderer/stores/session-store';

const draft = () => useCaptureDraftStore.getState();
const someone = (id: number) => ({ staff: { id } }) as unknown as SessionInfo;

beforeEach(() => {
  useNavigation.setState({ screen: 'counter', pages: [] });
  useSessionStore.setState({ session: someone(1) });
  draft().clear();
});

describe('paper capture draft', () => {
  it('survives leaving the paper page and coming back [issue16-4]', () => {
    useNavigation.getState().open('paper');
    draft().change({ text: { ...draft().text, serialNo: 'ZY-0042' }, signature: true });
    useNavigation.getState().back();
    useNavigation.getState().open('risk');
    useNavigation.getState().open('paper');
    expect(draft().text.serialNo).toBe('ZY-0042');
    expect(draft().signature).toBe(true);
  });

  it('is gone for the next staff member, and after archiving except the long-prescription tick [issue16-4]', () => {
    draft().change({ text: { ...draft().text, patientName: '张三' }, longRx: true, stamp: true });
    draft().archived();
    expect(draft().text.patientName).toBe('');
    expect(draft().stamp).toBe(false);
    expect(draft().longRx).toBe(true);
    draft().change({ text: { ...draft().text, patientName: '李四' } });
    useSessionStore.setState({ session: someone(2) });
    expect(draft().text.patientName).toBe('');
    expect(draft().longRx).toBe(false);
  });
});
