import { AppError, type ErrorCode } from '../errors';
import type { PaperFinding } from './paper-types';

/**
 * One refusal for a paper prescription's blocking findings: their messages in the headline, their
 * rules and citations (by document title and section) in the details line, never in the message.
 */
export function paperRefusal(
  code: ErrorCode,
  lead: string,
  blocks: readonly [PaperFinding, ...PaperFinding[]],
  detail?: string,
): AppError {
  const citations = [...new Set(blocks.map((f) => f.citation))];
  return new AppError(code, `${lead}${blocks.map((f) => f.message).join('；')}`, {
    ruleId: blocks[0].ruleId,
    citation: citations.join('；'),
    ...(detail === undefined ? {} : { detail }),
  });
}
