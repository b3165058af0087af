import fs from 'node:fs';
import path from 'node:path';
import { parseRiskThresholds, type RiskThresholds } from '../../domain/risk/thresholds';
import type { AppConfig } from '../config';

/** config/risk-thresholds.json, beside config/policy/. */
export function riskThresholdsFile(config: AppConfig): string {
  return path.join(config.policyDir, '..', 'risk-thresholds.json');
}

export function loadRiskThresholds(file: string): RiskThresholds {
  return parseRiskThresholds(JSON.parse(fs.readFileSync(file, 'utf8')));
}
