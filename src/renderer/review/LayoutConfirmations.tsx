import type { ReviewStart } from '../../contract/types-review';
import { RuleDetails } from '../components/RuleDetails';
import { useReviewStore } from './review-store';

/**
 * R-LAYOUT: the layout-file fields the reader could not find, by group. The pharmacist compares
 * each group in the layout file beside the structured data and confirms it with Enter (or a
 * click) on the group; the confirmation is sent with the review and recorded with it.
 */
export function LayoutConfirmations({ start }: { start: ReviewStart }) {
  const confirmed = useReviewStore((s) => s.form.layoutConfirmed);
  const toggle = (group: (typeof confirmed)[number]) =>
    useReviewStore.getState().setForm({
      layoutConfirmed: confirmed.includes(group)
        ? confirmed.filter((g) => g !== group)
        : [...confirmed, group],
    });
  return (
    <fieldset className="layout-confirm" data-testid="layout-confirm">
      <legend>逐组核对版式文件未能读出的内容</legend>
      <p className="layout-confirm-hint">请对照左侧版式文件核对每一组，选中后按 Enter 确认。</p>
      <RuleDetails ruleId="R-LAYOUT" />
      {start.layoutUnread.map((g) => {
        const done = confirmed.includes(g.group);
        return (
          <button
            type="button"
            key={g.group}
            className={done ? 'layout-confirm-group done' : 'layout-confirm-group'}
            aria-pressed={done}
            data-testid={`layout-confirm-${g.group}`}
            onClick={() => toggle(g.group)}
          >
            {done ? '✓ 已核对' : '□ 待核对'} {g.name}：{g.labels.join('、')}
          </button>
        );
      })}
    </fieldset>
  );
}
