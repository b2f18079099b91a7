/**
 * The one error catalog of stinet: stable machine codes, their HTTP status and a message in
 * Vietnamese and English. The server maps every failure to one of these codes in one place;
 * the web app shows the message in the user's language.
 */
export const ERROR_CATALOG = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'The request data is invalid.' },
  UNKNOWN_FIELD: { status: 400, vi: 'Yêu cầu có trường không được phép.', en: 'The request contains a field that is not allowed.' },
  LIST_QUERY_INVALID: { status: 400, vi: 'Tham số lọc, sắp xếp, chọn trường, nhóm hoặc con trỏ của danh sách không hợp lệ.', en: 'A filter, sort, select, group_by or cursor parameter of the list is invalid.' },
  INVALID_CODE: { status: 400, vi: 'Mã phân loại không tồn tại hoặc đã hết hiệu lực.', en: 'The classification code does not exist or is no longer valid.' },
  UNIT_NOT_VALID_AT_DATE: { status: 400, vi: 'Đơn vị hành chính không có hiệu lực vào ngày này.', en: 'The organizational unit is not valid on this date.' },
  INVALID_DATE_RANGE: { status: 400, vi: 'Khoảng thời gian không hợp lệ.', en: 'The date range is invalid.' },
  MALFORMED_REQUEST: { status: 400, vi: 'Yêu cầu không đúng định dạng.', en: 'The request is malformed.' },
  UNAUTHENTICATED: { status: 401, vi: 'Cần đăng nhập.', en: 'Authentication is required.' },
  INVALID_CREDENTIALS: { status: 401, vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  CSRF_TOKEN_INVALID: { status: 403, vi: 'Mã chống giả mạo yêu cầu (CSRF) không hợp lệ.', en: 'The CSRF token is missing or invalid.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  OUT_OF_SCOPE: { status: 403, vi: 'Bản ghi nằm ngoài phạm vi quản lý của bạn.', en: 'This record is outside your scope.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có địa chỉ API này.', en: 'No such API route.' },
  VERSION_CONFLICT: { status: 409, vi: 'Bản ghi đã được người khác sửa. Hãy tải lại rồi sửa tiếp.', en: 'Someone else changed this record. Reload it and try again.' },
  DUPLICATE_TAX_CODE: { status: 409, vi: 'Mã số thuế đã được dùng cho tổ chức khác.', en: 'This tax code is already used by another organization.' },
  DUPLICATE_ORCID: { status: 409, vi: 'Mã ORCID đã được dùng cho người khác.', en: 'This ORCID is already used by another researcher.' },
  DUPLICATE_USERNAME: { status: 409, vi: 'Tên đăng nhập đã tồn tại.', en: 'This username already exists.' },
  DUPLICATE_CODE: { status: 409, vi: 'Mã đã tồn tại.', en: 'This code already exists.' },
  SECRET_TASK_REFUSED: { status: 422, vi: 'Nhiệm vụ thuộc danh mục bí mật nhà nước được đăng ký theo chế độ mật, không lưu trong hệ thống này.', en: 'Tasks on the state-secret list are registered under the secret regime and are never stored in this system.' },
  INVALID_TRANSITION: { status: 409, vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.', en: 'This action is not allowed in the current state of the record.' },
  DUPLICATE_TASK_CODE: { status: 409, vi: 'Mã nhiệm vụ đã tồn tại.', en: 'This task code already exists.' },
  NO_CHANGES: { status: 400, vi: 'Phiếu cập nhật không có nội dung thay đổi nào.', en: 'The change lists no changed field.' },
  TASK_NOT_ACCEPTED: { status: 409, vi: 'Nhiệm vụ chưa được ghi nhận nghiệm thu chính thức.', en: 'The official acceptance of this task has not been recorded.' },
  DOSSIER_INCOMPLETE: { status: 422, vi: 'Hồ sơ đăng ký thiếu tài liệu bắt buộc.', en: 'The registration dossier lacks a required document.' },
  ALREADY_REGISTERED: { status: 409, vi: 'Kết quả đã được đăng ký và cấp giấy chứng nhận; giấy chứng nhận không được cấp lại.', en: 'This result is already registered and certified; a certificate is never issued twice.' },
  CERTIFICATE_REVOKED: { status: 409, vi: 'Giấy chứng nhận đã bị thu hồi.', en: 'The certificate has been revoked.' },
  REPORT_NOT_REQUIRED: { status: 409, vi: 'Nhiệm vụ này không thuộc diện báo cáo ứng dụng kết quả cho năm này.', en: 'No application report is required from this task for this year.' },
  STAT_VALIDATION_FAILED: { status: 422, vi: 'Báo cáo thống kê có ô vi phạm quy tắc kiểm tra; chưa có số liệu nào được lưu.', en: 'The statistical report breaks a validation rule; nothing was saved.' },
  STAT_REPORT_LOCKED: { status: 409, vi: 'Báo cáo đã được duyệt hoặc tiếp nhận nên bị khóa; cần mở lại trước khi sửa.', en: 'The report is approved or accepted and therefore locked; it must be reopened before any change.' },
  STAT_PERIOD_EXISTS: { status: 409, vi: 'Kỳ báo cáo của năm này đã được mở.', en: 'A reporting period for this year already exists.' },
  STAT_PERIOD_CLOSED: { status: 409, vi: 'Kỳ báo cáo đã đóng.', en: 'The reporting period is closed.' },
  STAT_FORM_UNKNOWN: { status: 400, vi: 'Biểu báo cáo hoặc phiên bản biểu không tồn tại.', en: 'The report form or its version does not exist.' },
  STAT_WRONG_FORM: { status: 422, vi: 'Tệp XLSX không phải biểu và phiên bản của báo cáo này (mã biểu, phiên bản hoặc mã dòng, mã cột không khớp); chưa có số liệu nào được lưu.', en: 'The XLSX file is not the form and version of this report (form code, version or row and column codes do not match); nothing was saved.' },
  STAT_PREFILL_UNAVAILABLE: { status: 422, vi: 'Biểu này không có nguồn điền sẵn từ cơ sở dữ liệu (chỉ biểu 04/CS-KHCN được điền từ CSDL nhiệm vụ).', en: 'This form cannot be pre-filled from the database (only form 04/CS-KHCN is filled from the task registry).' },
  STAT_NO_SOURCE_FORM: { status: 422, vi: 'Biểu tổng hợp này không có biểu cơ sở tương ứng để tổng hợp số liệu.', en: 'This aggregate form has no grassroots form to aggregate its figures from.' },
  OPEN_DATA_DUMP_RUNNING: { status: 409, vi: 'Đang tạo bộ dữ liệu mở; hãy chờ lần tạo này xong.', en: 'An open-data dump is already being generated; wait for it to finish.' },
  OPEN_DATA_DUMP_INTERRUPTED: { status: 500, vi: 'Việc tạo bộ dữ liệu mở bị gián đoạn do máy chủ khởi động lại; bộ dữ liệu trước vẫn được giữ.', en: 'The open-data dump was interrupted by a server restart; the previous dump is kept.' },
  OPEN_DATA_DUMP_FAILED: { status: 500, vi: 'Không tạo được bộ dữ liệu mở; bộ dữ liệu trước vẫn được giữ.', en: 'The open-data dump could not be generated; the previous dump is kept.' },
  OPEN_DATA_BAD_CURSOR: { status: 400, vi: 'Con trỏ phân trang không hợp lệ.', en: 'The paging cursor is invalid.' },
  STAT_RELEASE_EMPTY: { status: 422, vi: 'Chưa có báo cáo nào của biểu này được duyệt trong kỳ nên chưa thể công bố.', en: 'No report of this form has been approved in the period, so there is nothing to release.' },
  STAT_RELEASE_WITHDRAWN: { status: 409, vi: 'Bản công bố đã được rút.', en: 'The release has already been withdrawn.' },
  STAT_XLSX_UNREADABLE: { status: 400, vi: 'Không đọc được tệp: không phải tệp XLSX.', en: 'The file cannot be read as an XLSX workbook.' },
  STAT_BULK_INVALID: { status: 422, vi: 'Tệp nhiều đơn vị có trang tính không hợp lệ (ô sai quy tắc, báo cáo đã gửi hoặc đã khóa); chưa có báo cáo nào được lưu.', en: 'The multi-unit workbook has invalid sheets (cells breaking a rule, reports already submitted or locked); no report was saved.' },
  STAT_NOT_ASSIGNED: { status: 422, vi: 'Tệp có trang tính của tổ chức không được giao biểu này trong kỳ báo cáo; chưa có báo cáo nào được lưu.', en: 'The workbook has a sheet for an organization that is not assigned this form in the period; no report was saved.' },
  IMPORT_INVALID: { status: 422, vi: 'Tệp nhập có dòng không hợp lệ; chưa có dòng nào được nhập.', en: 'The import file has invalid rows; nothing was imported.' },
  IMPORT_UNREADABLE: { status: 400, vi: 'Không đọc được tệp: không phải tệp XLSX/CSV theo mẫu.', en: 'The file cannot be read as an XLSX/CSV file of the template.' },
  FILE_TOO_LARGE: { status: 413, vi: 'Tệp vượt quá dung lượng cho phép.', en: 'The file is larger than allowed.' },
  UNSUPPORTED_FILE_TYPE: { status: 415, vi: 'Định dạng tệp không được chấp nhận, hoặc nội dung không khớp với phần mở rộng của tên tệp.', en: 'The file type is not accepted, or its content does not match its extension.' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Định dạng dữ liệu không được hỗ trợ.', en: 'Unsupported media type.' },
  RATE_LIMITED: { status: 429, vi: 'Quá nhiều yêu cầu. Hãy thử lại sau.', en: 'Too many requests. Try again later.' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống. Hãy thử lại sau.', en: 'Internal error. Please try again later.' },
  DATABASE_UNAVAILABLE: { status: 503, vi: 'Cơ sở dữ liệu không sẵn sàng.', en: 'The database is unavailable.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

/** A stable machine error code. */
export type ErrorCode = keyof typeof ERROR_CATALOG;

/** All error codes, for exhaustive checks and documentation. */
export const ERROR_CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];

/** One problem inside a request (a field path with its message), e.g. for validation errors. */
export interface ErrorDetail {
  path: string;
  code: string;
  message: string;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    messageVi: string;
    messageEn: string;
    details?: ErrorDetail[];
    requestId?: string;
  };
}
