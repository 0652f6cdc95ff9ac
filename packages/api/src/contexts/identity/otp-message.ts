import type { OtpPurpose } from '@komisi/domain';

/** The WhatsApp text that carries a code, in Indonesian (the cooperatives' members read it). */
export function otpMessage(
  code: string,
  purpose: OtpPurpose,
  appName: string,
  ttlSeconds: number,
): { subject: string; body: string } {
  const minutes = Math.ceil(ttlSeconds / 60);
  const what = purpose === 'reset_password' ? 'reset kata sandi' : 'verifikasi';
  const warning =
    purpose === 'reset_password'
      ? 'Abaikan pesan ini jika Anda tidak meminta reset kata sandi.'
      : 'Jangan berikan kode ini kepada siapa pun.';
  return {
    subject: `Kode OTP ${appName}`.slice(0, 300),
    body: `Kode ${what} ${appName}: ${code}. Berlaku ${minutes} menit. ${warning}`,
  };
}
