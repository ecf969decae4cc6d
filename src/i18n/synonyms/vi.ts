import type { SynonymGroups } from '../synonyms';

/**
 * Words readers use for the same thing, in Vietnamese; a query word finds pages that use another
 * word of its group (see src/lib/browser/synonyms.ts). Only true near-synonyms in this guide's context.
 */
export default [
  ['hủy', 'hủy bỏ', 'chấm dứt', 'ngừng', 'đóng', 'vô hiệu hóa'],
  ['xóa', 'gỡ', 'gỡ bỏ', 'loại bỏ'],
  ['hoàn tiền', 'trả lại tiền', 'lấy lại tiền', 'refund'],
  ['tự động gia hạn', 'gia hạn tự động', 'nạp tiền tự động', 'tự động nạp tiền', 'tự động nạp thêm', 'auto top-up'],
  ['gói đăng ký', 'gói thuê bao', 'đăng ký định kỳ', 'subscription'],
  ['gói cước', 'gói dữ liệu', 'gói data'],
  ['cài lại', 'cài đặt lại', 'tải lại', 'reinstall'],
  ['bộ phận hỗ trợ', 'hỗ trợ khách hàng', 'chăm sóc khách hàng', 'CSKH', 'support'],
  ['tổng đài', 'hotline', 'đường dây nóng', 'số hỗ trợ'],
  ['mã xác minh', 'mã xác thực', 'mã OTP', 'OTP', 'mã dùng một lần'],
  ['lừa đảo', 'chiêu lừa', 'scam'],
  ['giả danh', 'mạo danh', 'giả mạo'],
  ['link', 'đường link', 'đường dẫn'],
  ['biên lai', 'hóa đơn', 'receipt'],
  ['mã đơn hàng', 'số đơn hàng', 'order number'],
  ['bên bán', 'ai bán', 'ai đã bán', 'mua ở đâu', 'nơi mua', 'người bán'],
] satisfies SynonymGroups;
