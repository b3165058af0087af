import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/contract/contract';
import { type MethodPolicy, READ_ONLY_REASON } from '../../../src/contract/method-policy';
import { AUDIT_ACTIONS } from '../../../src/domain/audit/audit-actions';

const entries = Object.entries(contract) as Array<[string, MethodPolicy]>;

describe('per-method policy on the contract', () => {
  it('every method that changes anything declares how it is audited [R-KEEP][ARCH]', () => {
    const undeclared = entries
      .filter(([, p]) => p.mutates !== false)
      .filter(([, p]) => {
        if (p.mutates !== true || !p.audit) return true;
        if (p.audit.audited) return !Object.hasOwn(AUDIT_ACTIONS, p.audit.action);
        return p.audit.reason.trim() === '' || p.audit.reason === READ_ONLY_REASON;
      })
      .map(([method]) => method);
    expect(undeclared).toEqual([]);
  });

  it('keeps every call the trail recorded before the policy moved onto the contract [R-KEEP]', () => {
    const auditedMethods = entries.filter(([, p]) => p.audit.audited).map(([m]) => m);
    expect(auditedMethods.sort()).toEqual(
      [
        'auth.login',
        'auth.logout',
        'shift.open',
        'shift.close',
        'review.submit',
        'dispense.start',
        'dispense.complete',
        'dispense.cancel',
        'dispense.cancelHeld',
        'dispense.carryOverHeld',
        'settle.confirm',
        'supervision.handle',
        'settle.resolveUnknown',
        'settle.recordScopeConsent',
        'refund.start',
        'receipt.reprint',
        'sale.selfPay',
        'sale.mtClaim',
        'sale.mtClaimMaterials',
        'rx.selfPayConsent',
        'sale.rxSelfPay',
        'sale.rxSelfPayRefund',
        'stay.record',
        'stay.materials',
        'stay.withdraw',
        'paper.confirm',
        'paper.reject',
        'stock.receive',
        'stock.returnToSupplier',
        'stock.adjust',
        'stock.stocktake',
        'stock.saveSupplier',
        'settings.setRegion',
        'paper.capture',
        'paper.export',
        'reports.export',
        'reports.acceptanceSelfCheck',
        'public.export',
        'einvoice.export',
        'delivery.create',
        'delivery.handOver',
        'delivery.confirmReceipt',
        'delivery.export',
        'recon.export',
        'outbox.requeue',
        'audit.verify',
        'rx.reverifyAll',
        // Reads of personal data and device settings (issue 14, data protection).
        'patient.lookup',
        'rx.find',
        'paper.get',
        'paper.image',
        'paper.search',
        'paper.setScanFolder',
        'dispense.startPaper',
        'backup.run',
        'backup.setFolder',
        'backup.restore',
        'log.export',
        // The desktop app's printer and update feed (issue 15).
        'desktop.setPrint',
        'desktop.setUpdateFeed',
        'complaints.register',
        'complaints.followUp',
        // Staff accounts (issue 14): every change of who may do what.
        'staff.create',
        'staff.update',
        'staff.deactivate',
        'staff.reactivate',
        'staff.resetPassword',
        'session.changePassword',
        // The first-run wizard (issue 14.1), recorded before any account exists.
        'setup.importCenterConfig',
        'setup.testConnection',
        'setup.createFirstAdmin',
        'setup.chooseDemo',
        'setup.storeLink',
        'setup.finish',
      ].sort(),
    );
  });

  it('a method limited to some roles needs a session, or nobody would be checked [ARCH]', () => {
    const unchecked = entries.filter(([, p]) => p.roles && !p.auth).map(([m]) => m);
    expect(unchecked).toEqual([]);
  });
});
