let counter = 0;

/** A valid ongoing-task body (Mẫu 1) registered at `managingUnitId`, led by `leadOrganizationId`. */
export function taskBody(managingUnitId: string, leadOrganizationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    code: `ĐT-2026-TEST-${process.pid}-${counter}`,
    titleVi: `Nghiên cứu ứng dụng công nghệ sinh học trong sản xuất giống lúa chịu mặn số ${counter}`,
    titleEn: `Applying biotechnology to salt-tolerant rice seed production ${counter}`,
    levelCode: 'TINH',
    formCode: 'DT',
    fundingType: 'NSNN',
    approvalDecisionNo: '1234/QĐ-UBND',
    approvalDecisionDate: '2026-01-15',
    contractNo: `15/2026/HĐ-KHCN-${counter}`,
    contractDate: '2026-02-02',
    managingUnitId,
    leadOrganizationId,
    piName: 'PGS.TS. Nguyễn Văn Hùng',
    members: [{ fullName: 'ThS. Trần Thị Mai' }, { fullName: 'KS. Lê Văn Tâm', role: 'secretary' }],
    fieldCodes2025: ['401'],
    fieldCodes2008: ['401'],
    startDate: '2026-03-01',
    endDate: '2027-12-31',
    budgetTotal: 1500,
    budgetStateCentral: 0,
    budgetStateLocal: 1200,
    budgetOther: 300,
    objectives: 'Chọn tạo được 02 giống lúa chịu mặn năng suất cao.',
    content: 'Đánh giá nguồn gen; lai tạo; khảo nghiệm tại 3 tỉnh.',
    methods: 'Chỉ thị phân tử kết hợp lai truyền thống.',
    expectedProducts: '02 giống lúa được công nhận; 03 bài báo.',
    applicationPlan: 'Chuyển giao cho các hợp tác xã.',
    isStateSecret: false,
    ...overrides,
  };
}
