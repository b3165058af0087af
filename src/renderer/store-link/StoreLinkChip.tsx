import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { StoreLinkView } from '../../contract/types-store';
import { api, toShape } from '../api';
import { StoreClashDialog } from './StoreClashDialog';
import { storeLinkChip, storeOwedTags } from './store-link-text';
import './store-link.css';

const POLL_MS = 10_000;

/** A counter of a store: whether its store server answers, always on screen (issue 17). */
export function StoreLinkChip() {
  const [link, setLink] = useState<StoreLinkView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showClashes, setShowClashes] = useState(false);

  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      try {
        const next = await api.call('store.link', {});
        if (alive) {
          setLink(next);
          setError(null);
        }
      } catch (err) {
        if (alive) setError(toShape(err).message);
      }
    };
    void refresh();
    const id = window.setInterval(() => void refresh(), POLL_MS);
    return () => {
      alive = false;
      window.clearInterval(id);
    };
  }, []);

  // A single counter is the default and needs no word in a full top bar; a counter of a store
  // always says whether its store server answers.
  if (link?.mode === 'single' && !error) return null;
  const chip = storeLinkChip(link, error);
  return (
    <>
      <Tooltip title={link?.message ?? ''}>
        <span
          data-testid="store-link"
          data-mode={link?.mode ?? ''}
          data-reachable={link?.mode === 'counter' ? String(link.reachable) : ''}
        >
          <Tag color={chip.color} variant="solid" className="status-tag">
            {chip.text}
          </Tag>
        </span>
      </Tooltip>
      {storeOwedTags(link).map((t) =>
        t.kind === 'clashes' ? (
          <button
            key={t.kind}
            type="button"
            className="store-owed-button"
            data-testid="store-clashes-open"
            onClick={() => setShowClashes(true)}
          >
            <Tag color={t.color} variant="solid" className="status-tag">
              {t.text}
            </Tag>
          </button>
        ) : (
          <Tag key={t.kind} color={t.color} className="status-tag" data-testid="store-unconfirmed">
            {t.text}
          </Tag>
        ),
      )}
      <StoreClashDialog open={showClashes} onClose={() => setShowClashes(false)} />
    </>
  );
}
