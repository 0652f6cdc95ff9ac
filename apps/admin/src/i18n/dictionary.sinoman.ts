/** The cooperative's own screens (withdrawals, KYC review, Fit Challenge, exports), in English and Indonesian. */
const en = {
  nav: { withdrawals: 'Withdrawals', fitChallenge: 'Fit Challenge' },
  withdrawals: {
    title: 'Withdrawals',
    waiting: 'Waiting for a decision',
    waitingAmount: 'Amount waiting',
    searchPlaceholder: 'Name, email or member number',
    range: 'Requested between',
    number: 'Number',
    member: 'Member',
    account: 'Savings account',
    amount: 'Amount',
    bank: 'Pay to',
    requested: 'Requested',
    processed: 'Decided',
    reference: 'Transfer reference',
    complete: 'Complete',
    reject: 'Reject',
    completeTitle: (number: string) => `Complete withdrawal ${number}?`,
    completeText: (amount: string, bank: string) =>
      `Confirm that ${amount} was transferred to ${bank}. This cannot be undone.`,
    rejectTitle: (number: string) => `Reject withdrawal ${number}?`,
    rejectText: (amount: string) => `${amount} returns to the member's balance. This cannot be undone.`,
    completed: 'Withdrawal completed',
    rejected: 'Withdrawal rejected',
  },
  kyc: {
    approve: 'Approve KYC',
    reject: 'Reject KYC',
    approveTitle: (name: string) => `Approve the KYC of ${name}?`,
    approveText: 'The member’s pending documents are approved with it.',
    rejectTitle: (name: string) => `Reject the KYC of ${name}?`,
    rejectText: 'The member’s pending documents are rejected; the member may upload new ones.',
    openDocument: (type: string) => `Open ${type}`,
    documentAlt: (type: string, name: string) => `${type} of ${name}`,
    documentTypes: {
      ktp: 'KTP',
      selfie: 'Selfie',
      kk: 'Family card (KK)',
      npwp: 'NPWP',
      bank_statement: 'Bank statement',
    } as Record<string, string>,
    linkExpires: 'Links are valid for 5 minutes; reopen the member to see them again.',
  },
  exports: {
    preparing: (format: string) => `Preparing the ${format} file… large reports take a few seconds.`,
  },
};

export type SinomanDictionary = typeof en;

const id: SinomanDictionary = {
  nav: { withdrawals: 'Penarikan', fitChallenge: 'Fit Challenge' },
  withdrawals: {
    title: 'Penarikan',
    waiting: 'Menunggu keputusan',
    waitingAmount: 'Jumlah menunggu',
    searchPlaceholder: 'Nama, email atau nomor anggota',
    range: 'Diajukan antara',
    number: 'Nomor',
    member: 'Anggota',
    account: 'Rekening simpanan',
    amount: 'Jumlah',
    bank: 'Dibayar ke',
    requested: 'Diajukan',
    processed: 'Diputuskan',
    reference: 'Referensi transfer',
    complete: 'Selesaikan',
    reject: 'Tolak',
    completeTitle: (number) => `Selesaikan penarikan ${number}?`,
    completeText: (amount, bank) =>
      `Pastikan ${amount} sudah ditransfer ke ${bank}. Tindakan ini tidak dapat dibatalkan.`,
    rejectTitle: (number) => `Tolak penarikan ${number}?`,
    rejectText: (amount) => `${amount} kembali ke saldo anggota. Tindakan ini tidak dapat dibatalkan.`,
    completed: 'Penarikan diselesaikan',
    rejected: 'Penarikan ditolak',
  },
  kyc: {
    approve: 'Setujui KYC',
    reject: 'Tolak KYC',
    approveTitle: (name) => `Setujui KYC ${name}?`,
    approveText: 'Dokumen anggota yang menunggu ikut disetujui.',
    rejectTitle: (name) => `Tolak KYC ${name}?`,
    rejectText: 'Dokumen anggota yang menunggu ditolak; anggota dapat mengunggah yang baru.',
    openDocument: (type) => `Buka ${type}`,
    documentAlt: (type, name) => `${type} milik ${name}`,
    documentTypes: {
      ktp: 'KTP',
      selfie: 'Swafoto',
      kk: 'Kartu Keluarga (KK)',
      npwp: 'NPWP',
      bank_statement: 'Rekening koran',
    },
    linkExpires: 'Tautan berlaku 5 menit; buka lagi anggota ini untuk melihatnya kembali.',
  },
  exports: {
    preparing: (format) => `Menyiapkan berkas ${format}… laporan besar perlu beberapa detik.`,
  },
};

export const SINOMAN_LABELS = { en, id };
