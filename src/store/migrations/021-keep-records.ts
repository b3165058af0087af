/**
 * Migration 21: records that cannot be rewritten (R-KEEP, 000 §二 “电子处方存档备查”; 002 §二(四)).
 *
 * What the lifecycle may still change, and nothing else:
 * - prescriptions: the checks' verdict (local_*, cert_info, altered_fields, center_state,
 *   center_message, rx_sign_verify_sn, verification, checked_at), the status the center reports
 *   (status_codg, status_name) and the per-download access token (epc_token). The prescription as
 *   received (numbers, institution, patient, prescribing time, the 7204 reply, the layout file)
 *   and who downloaded it when are frozen; a row is never deleted.
 * - dispensings: state only along the lifecycle (open → completed | cancelled,
 *   completed → returned | cancelled), ended_at only with a state change; completed_at,
 *   cancel_reason and cancelled_by only from empty; never deleted.
 * - dispensing_lines: qty_dispensed while the dispensing is open; never deleted.
 * - dispensing_codes: removed or renumbered (pack_no) while the dispensing is open; after that
 *   they are the record of what was handed out.
 * - dispensing_allocations (stock taken for a dispensing): grown while the dispensing is open;
 *   never deleted.
 * - stock_batches: quantities and the latest receiving time move; the batch's drug, number,
 *   expiry and first receiver do not, and a batch is never deleted.
 * - sale_uploads (the stock and sale movements sent to the center) and the outbox requests they
 *   name: never updated or deleted.
 */
const OPEN = (dispensingId: string) =>
  `(SELECT state FROM dispensings WHERE id = ${dispensingId}) = 'open'`;

export const KEEP_RECORDS_MIGRATION = `
  CREATE TRIGGER prescriptions_kept BEFORE DELETE ON prescriptions
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：电子处方须存档备查，不得删除');
  END;

  CREATE TRIGGER prescriptions_archive_frozen BEFORE UPDATE ON prescriptions
  WHEN NEW.hi_rxno IS NOT OLD.hi_rxno OR NEW.rx_trace_code IS NOT OLD.rx_trace_code
    OR NEW.fixmedins_code IS NOT OLD.fixmedins_code OR NEW.fixmedins_name IS NOT OLD.fixmedins_name
    OR NEW.patient_name IS NOT OLD.patient_name OR NEW.certno IS NOT OLD.certno
    OR NEW.prsc_time IS NOT OLD.prsc_time OR NEW.reply IS NOT OLD.reply
    OR NEW.rx_file IS NOT OLD.rx_file OR NEW.downloaded_by IS NOT OLD.downloaded_by
    OR NEW.downloaded_at IS NOT OLD.downloaded_at
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：已存档的电子处方内容不得修改（只可更新核验结论和处方状态）');
  END;

  CREATE TRIGGER dispensings_kept BEFORE DELETE ON dispensings
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：调剂记录须保存，不得删除');
  END;

  CREATE TRIGGER dispensings_record_frozen BEFORE UPDATE ON dispensings
  WHEN NEW.id IS NOT OLD.id OR NEW.hi_rxno IS NOT OLD.hi_rxno OR NEW.paper_id IS NOT OLD.paper_id
    OR NEW.reviewed_by IS NOT OLD.reviewed_by OR NEW.certno IS NOT OLD.certno
    OR NEW.patient_name IS NOT OLD.patient_name OR NEW.staff_id IS NOT OLD.staff_id
    OR NEW.started_at IS NOT OLD.started_at
    OR (OLD.completed_at IS NOT NULL AND NEW.completed_at IS NOT OLD.completed_at)
    OR (NEW.ended_at IS NOT OLD.ended_at AND NEW.state IS OLD.state)
    OR (OLD.cancel_reason IS NOT NULL AND NEW.cancel_reason IS NOT OLD.cancel_reason)
    OR (OLD.cancelled_by IS NOT NULL AND NEW.cancelled_by IS NOT OLD.cancelled_by)
    OR (NEW.state IS NOT OLD.state AND NOT (
      (OLD.state = 'open' AND NEW.state IN ('completed', 'cancelled'))
      OR (OLD.state = 'completed' AND NEW.state IN ('returned', 'cancelled'))))
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：调剂记录不得改写（只可按调剂流程改变状态）');
  END;

  CREATE TRIGGER dispensing_lines_kept BEFORE DELETE ON dispensing_lines
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：调剂明细须保存，不得删除');
  END;

  CREATE TRIGGER dispensing_lines_frozen BEFORE UPDATE ON dispensing_lines
  WHEN NEW.dispensing_id IS NOT OLD.dispensing_id OR NEW.line_no IS NOT OLD.line_no
    OR NEW.med_list_codg IS NOT OLD.med_list_codg OR NEW.genname IS NOT OLD.genname
    OR NEW.split_pack IS NOT OLD.split_pack OR NEW.units_per_pack IS NOT OLD.units_per_pack
    OR NEW.qty_prescribed IS NOT OLD.qty_prescribed OR NEW.qty_unit IS NOT OLD.qty_unit
    OR NEW.packs_prescribed IS NOT OLD.packs_prescribed OR NEW.days IS NOT OLD.days
    OR (NEW.qty_dispensed IS NOT OLD.qty_dispensed AND NOT ${OPEN('OLD.dispensing_id')})
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：调剂明细不得改写（发药数量只可在调剂完成前记录）');
  END;

  CREATE TRIGGER dispensing_codes_kept BEFORE DELETE ON dispensing_codes
  WHEN NOT ${OPEN('OLD.dispensing_id')}
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：已发出药品的追溯码记录须保存，不得删除');
  END;

  CREATE TRIGGER dispensing_codes_frozen BEFORE UPDATE ON dispensing_codes
  WHEN NEW.dispensing_id IS NOT OLD.dispensing_id OR NEW.line_no IS NOT OLD.line_no
    OR NEW.code IS NOT OLD.code OR NEW.kind IS NOT OLD.kind OR NEW.raw IS NOT OLD.raw
    OR NEW.units IS NOT OLD.units OR NEW.reused_pack IS NOT OLD.reused_pack
    OR NEW.scanned_at IS NOT OLD.scanned_at
    OR (NEW.pack_no IS NOT OLD.pack_no AND NOT ${OPEN('OLD.dispensing_id')})
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：追溯码扫码记录不得改写');
  END;


  CREATE TRIGGER dispensing_allocations_kept BEFORE DELETE ON dispensing_allocations
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：调剂出库记录须保存，不得删除');
  END;

  CREATE TRIGGER dispensing_allocations_frozen BEFORE UPDATE ON dispensing_allocations
  WHEN NEW.dispensing_id IS NOT OLD.dispensing_id OR NEW.line_no IS NOT OLD.line_no
    OR NEW.batch_id IS NOT OLD.batch_id OR NEW.packs < OLD.packs
    OR NOT ${OPEN('OLD.dispensing_id')}
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：调剂出库记录不得改写');
  END;


  CREATE TRIGGER stock_batches_kept BEFORE DELETE ON stock_batches
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：进货批次记录须保存，不得删除');
  END;

  CREATE TRIGGER stock_batches_identity_frozen BEFORE UPDATE ON stock_batches
  WHEN NEW.id IS NOT OLD.id OR NEW.med_list_codg IS NOT OLD.med_list_codg
    OR NEW.batch_no IS NOT OLD.batch_no OR NEW.expiry IS NOT OLD.expiry
    OR NEW.received_by IS NOT OLD.received_by OR NEW.packs_received < OLD.packs_received
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：进货批次的药品、批号、效期和收货人不得修改');
  END;

  CREATE TRIGGER sale_uploads_frozen BEFORE UPDATE ON sale_uploads
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：进销存上传记录不得修改');
  END;

  CREATE TRIGGER sale_uploads_kept BEFORE DELETE ON sale_uploads
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：进销存上传记录须保存，不得删除');
  END;

  CREATE TRIGGER outbox_movement_requests_kept BEFORE DELETE ON outbox
  WHEN EXISTS (SELECT 1 FROM sale_uploads WHERE msgid = OLD.msgid)
  BEGIN
    SELECT RAISE(ABORT, 'R-KEEP：进销存上传的请求报文须保存，不得删除');
  END;
`;
