import type { SynonymGroups } from '../synonyms';

/**
 * Words readers use for the same thing, in Korean; a query word finds pages that use another
 * word of its group (see src/lib/browser/synonyms.ts). Only true near-synonyms in this guide's context.
 */
export default [
  ['해지', '취소', '비활성화', '중지', '종료'],
  ['삭제', '제거', '지우기', '지운', '지웠'],
  ['다시 설치', '재설치', '복구', '복원', '되살리기'],
  ['환불', '환급', '돈 돌려받기'],
  ['자동 충전', '자동충전', '자동 갱신', '자동갱신', '자동 결제', '자동결제', '자동 연장'],
  ['계정 삭제', '회원 탈퇴', '탈퇴', '계정 해지'],
  ['eSIM', '이심', 'e심'],
  ['유심', 'SIM', '심카드', 'SIM 카드', '유심칩'],
  ['고객센터', '고객 지원', '상담', '상담원', '문의'],
  ['인증번호', '인증 코드', 'OTP', '일회용 비밀번호', '보안 코드'],
  ['iPhone', '아이폰'],
  ['삼성', '갤럭시', 'Samsung'],
  ['Airalo', '에어알로'],
  ['Holafly', '홀라플라이'],
  ['Trip.com', '트립닷컴'],
  ['Klook', '클룩'],
  ['판매처', '구매처', '어디서 산', '판매자'],
] satisfies SynonymGroups;
