/** Everything printed on an order invoice. Amounts are whole rupiah. */
export interface InvoiceModel {
  seller: { name: string; address: string; email?: string; phone?: string; taxId?: string };
  orderNumber: string;
  issuedAt: Date;
  paidAt: Date | null;
  /** IANA zone the dates are printed in, e.g. `Asia/Jakarta`. */
  timeZone: string;
  customer: { name: string; email: string; phone?: string | null };
  shippingAddress: { recipientName: string; phone: string; lines: string[] };
  items: {
    name: string;
    variant?: string | null;
    sku?: string | null;
    quantity: number;
    unitPrice: number;
    subtotal: number;
  }[];
  summary: {
    subtotal: number;
    discount: number;
    voucherCode?: string | null;
    shippingCost: number;
    shippingDiscount?: number;
    total: number;
  };
  payment: { method: string; channel?: string | null; transactionId?: string | null; status: string };
  shipping: { courier: string; service: string; trackingNumber?: string | null };
}
