// Request and response shapes of the dtehm-mobile spec. Only zod here: no ORM, no services.
import { z } from 'zod';

const yesNo = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().charAt(0).toUpperCase() + v.trim().slice(1).toLowerCase() : v),
  z.enum(['Yes', 'No'], { message: 'must be Yes or No' }),
);
const id = z.coerce.number({ message: 'must be a number' }).int().positive();
const memberNumber = z.string().trim().min(1).max(32);
const dateTime = z.string().meta({ example: '2025-01-30 14:00:00', description: 'Tenant local time' });
const money = z.number().int().meta({ description: 'Amount in the currency minor unit (UGX has none)' });
const page = z.coerce.number().int().min(1).default(1);
const perPage = z.coerce.number().int().min(1).max(100).default(20);
/** A real calendar date written YYYY-MM-DD (2025-02-30 and 2025-13-01 are refused). */
const isoDate = z
  .string()
  .trim()
  .refine((v) => {
    // Years below 1000 are refused: Date.UTC reads years 0..99 as 1900..1999.
    if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(v)) return false;
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'must be a valid date in YYYY-MM-DD format');

export const pagination = z.object({
  total: z.number().int(),
  per_page: z.number().int(),
  current_page: z.number().int(),
  last_page: z.number().int(),
});
export const pagination_from_to = pagination.extend({
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
});

export const userSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  phone_number: z.string().nullable(),
  address: z.string().nullable(),
  is_dtehm_member: z.enum(['Yes', 'No']),
  is_dip_member: z.enum(['Yes', 'No']),
  dtehm_member_id: z.string().nullable(),
  dip_member_id: z.string().nullable(),
  sponsor_id: z.string().nullable(),
  membership_status: z.enum(['Pending', 'Active']),
  created_at: dateTime,
});

// 1. Users
/** Mobile keyboards add stray spaces; blank and null optional fields count as absent. */
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const blankAsAbsent = (v: unknown) =>
  v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;
const emailAddress = z.preprocess(trimmed, z.email().max(254));

export const SPONSOR_REQUIRED = 'The sponsor id is required for mobile registration.';
export const MEMBERSHIP_REQUIRED = 'Choose at least one membership (DTEHM or DIP).';

export const registerInput = z
  .object({
    email: emailAddress,
    password: z.string().min(8).max(200),
    name: z.string().trim().min(1).max(255),
    phone_number: z.string().trim().min(7).max(32),
    address: z.preprocess(blankAsAbsent, z.string().trim().max(500).optional()),
    sponsor_id: z.preprocess(
      blankAsAbsent,
      memberNumber.optional().meta({
        description: 'Member number (DTEHM or DIP) of an active member; required when from_mobile=yes',
      }),
    ),
    is_dtehm_member: yesNo.default('No'),
    is_dip_member: yesNo.default('No'),
    from_mobile: z.preprocess(
      blankAsAbsent,
      yesNo.optional().meta({ description: 'yes/no in any case; yes makes sponsor_id required' }),
    ),
  })
  // Cross-field rules run even when other fields are invalid (`when`), so one response names every
  // bad field. The value may then be partly unparsed (or not an object at all): read it defensively.
  .superRefine(
    (v, ctx) => {
      if (typeof v !== 'object' || v === null) return;
      const invalid = new Set(ctx.issues.map((i) => i.path?.[0]));
      if (v.from_mobile === 'Yes' && v.sponsor_id === undefined && !invalid.has('sponsor_id')) {
        ctx.addIssue({ code: 'custom', path: ['sponsor_id'], message: SPONSOR_REQUIRED });
      }
      if (
        v.is_dtehm_member === 'No' &&
        v.is_dip_member === 'No' &&
        !invalid.has('is_dtehm_member') &&
        !invalid.has('is_dip_member')
      ) {
        ctx.addIssue({ code: 'custom', path: ['is_dtehm_member'], message: MEMBERSHIP_REQUIRED });
      }
    },
    { when: () => true },
  );
export type RegisterInput = z.output<typeof registerInput>;

const membershipTypes = z.array(z.enum(['DTEHM', 'DIP']));

export const registerOutput = z.object({
  user: userSchema.extend({ token: z.string(), refresh_token: z.string() }),
  membership_payment: z.object({
    required: z.boolean(),
    amount: money,
    types: membershipTypes,
    breakdown: z.object({ dtehm: money, dip: money }),
    status: z.literal('pending'),
  }),
});

export const loginInput = z.object({ email: emailAddress, password: z.string().min(1).max(200) });
export const loginOutput = z.object({
  user: userSchema,
  token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
});

export const refreshInput = z.object({ refresh_token: z.string().min(1).max(500) });
export const refreshOutput = z.object({
  token: z.string(),
  refresh_token: z.string(),
  expires_in: z.number().int(),
});

// 2. Membership payment
const paymentMethod = z.enum(['pesapal', 'mobile_money', 'bank']);
const callbackUrl = z.string().trim().min(1).max(2000).optional();

export const initiateMembershipInput = z.object({
  user_id: id,
  payment_method: paymentMethod.default('pesapal'),
  callback_url: callbackUrl,
});
export const initiateMembershipOutput = z.object({
  payment_id: z.number().int(),
  amount: money,
  membership_types: membershipTypes,
  payment_url: z.string(),
  tracking_id: z.string(),
});

const clientStatus = z
  .enum(['success', 'failed'])
  .optional()
  .meta({ description: 'Ignored: the server always asks the payment provider.' });

export const confirmMembershipInput = z.object({
  payment_id: id,
  transaction_reference: z.string().trim().max(128).optional(),
  status: clientStatus,
});
export const confirmMembershipOutput = z.object({
  user: userSchema,
  dtehm_member_id: z.string().nullable(),
  dip_member_id: z.string().nullable(),
  membership_status: z.literal('Active'),
  sponsor_commission_created: z.boolean(),
});

export const paymentStatusInput = z.object({ payment_id: id });
export const paymentStatusOutput = z.object({
  payment_id: z.number().int(),
  amount: money,
  status: z.enum(['pending', 'completed', 'failed']),
  membership_types: membershipTypes,
  transaction_reference: z.string(),
  created_at: dateTime,
  paid_at: dateTime.nullable(),
});

// 3. Products
export const productListInput = z.object({
  page,
  per_page: perPage,
  category_id: id.optional(),
  search: z.string().trim().max(200).optional(),
  sort_by: z.enum(['name', 'price', 'created_at']).default('created_at'),
  sort_order: z.enum(['asc', 'desc']).default('desc'),
});
const productSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
  price: money,
  feature_photo: z.string().nullable(),
  category_id: z.number().int().nullable(),
  category_name: z.string().nullable(),
  stock_quantity: z.number().int(),
  in_stock: z.boolean(),
  created_at: dateTime,
});
export const productListOutput = z.object({
  products: z.array(productSummary),
  pagination: pagination_from_to,
});

export const productDetailInput = z.object({ id });
export const productDetailOutput = productSummary.extend({
  specifications: z.string().nullable(),
  images: z.array(z.string()),
  related_products: z.array(
    z.object({ id: z.number().int(), name: z.string(), price: money, feature_photo: z.string().nullable() }),
  ),
});

export const categoriesOutput = z.array(
  z.object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    product_count: z.number().int(),
  }),
);

// 4. Orders
const memberRef = z.object({ id: z.number().int(), name: z.string(), member_id: z.string().nullable() });
const quantity = z.coerce.number().int().min(1).max(10_000);

/** An optional member number of an order; '' and null (what app forms send for "none") mean absent. */
const optionalParty = z.preprocess((v) => (v === '' || v === null ? undefined : v), memberNumber.optional());

export const commissionPreviewInput = z.object({
  product_id: id,
  quantity: quantity.default(1),
  sponsor_id: optionalParty,
  stockist_id: optionalParty,
});
export const commissionPreviewOutput = z.object({
  product: z.object({
    id: z.number().int(),
    name: z.string(),
    price: money,
    quantity: z.number().int(),
    total: money,
  }),
  sponsor: memberRef.nullable(),
  stockist: memberRef.nullable(),
  commissions: z.array(
    z.object({
      level: z.string().meta({ example: 'GN1' }),
      rate: z.number().meta({ description: 'percent', example: 2.5 }),
      amount: money,
      member: memberRef,
    }),
  ),
  summary: z.object({
    product_price: money,
    stockist_commission: money,
    network_commission: money,
    total_commission: money,
    balance: money,
    commission_percentage: z.number(),
  }),
});

export const createOrderInput = z.object({
  product_id: id,
  quantity: quantity.default(1),
  sponsor_id: optionalParty,
  stockist_id: optionalParty,
  payment_method: paymentMethod.default('pesapal'),
  callback_url: callbackUrl,
});
export const createOrderOutput = z.object({
  order_id: z.number().int(),
  ordered_item_id: z.number().int(),
  total_amount: money,
  payment_url: z.string(),
  tracking_id: z.string(),
});

export const ORDER_STATUS_LABELS = ['Pending Payment', 'Paid', 'Payment Failed'] as const;
const orderStatus = z.enum(ORDER_STATUS_LABELS);

export const confirmOrderInput = z.object({
  order_id: id,
  transaction_reference: z.string().trim().max(128).optional(),
  status: clientStatus,
});
export const confirmOrderOutput = z.object({
  order_id: z.number().int(),
  status: orderStatus,
  commissions_created: z.number().int(),
  total_commission: money,
});

export const myOrdersInput = z.object({ page, per_page: perPage, status: orderStatus.optional() });
export const myOrdersOutput = z.object({
  orders: z.array(
    z.object({
      id: z.number().int(),
      order_date: dateTime,
      total_amount: money,
      status: orderStatus,
      payment_method: z.string(),
      items: z.array(
        z.object({
          product_name: z.string(),
          product_image: z.string().nullable(),
          quantity: z.number().int(),
          amount: money,
        }),
      ),
    }),
  ),
  pagination,
});

const partyName = z.object({ name: z.string(), member_id: z.string().nullable() }).nullable();
export const orderDetailInput = z.object({ id });
export const orderDetailOutput = z.object({
  id: z.number().int(),
  order_date: dateTime,
  total_amount: money,
  status: orderStatus,
  payment_method: z.string(),
  payment_reference: z.string().nullable(),
  customer_name: z.string(),
  customer_phone: z.string().nullable(),
  customer_address: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.number().int(),
      product: z.object({
        id: z.number().int(),
        name: z.string(),
        image: z.string().nullable(),
        price: money,
      }),
      quantity: z.number().int(),
      amount: money,
      sponsor: partyName,
      stockist: partyName,
    }),
  ),
});

// 5. Commissions and balance
export const commissionsInput = z
  .object({
    page,
    per_page: perPage,
    commission_type: z.enum(['all', 'stockist', 'network', 'membership']).default('all'),
    start_date: isoDate.optional(),
    end_date: isoDate.optional(),
  })
  .refine((v) => !v.start_date || !v.end_date || v.start_date <= v.end_date, {
    path: ['end_date'],
    message: 'The end date must be a date after or equal to the start date.',
  });
export const commissionsOutput = z.object({
  commissions: z.array(
    z.object({
      id: z.number().int(),
      amount: money,
      level: z.string(),
      description: z.string(),
      order_id: z.string().nullable(),
      reference_type: z.enum(['order', 'membership']),
      reference_id: z.number().int(),
      date: dateTime,
      status: z.literal('completed'),
    }),
  ),
  summary: z.object({ total_commissions: money, current_balance: money, currency: z.string() }),
  pagination,
});

export const balanceOutput = z.object({ balance: money, currency: z.string() });

// 6. Network
export const networkInput = z.object({
  page,
  per_page: perPage,
  level: z
    .string()
    .trim()
    .toLowerCase()
    // Any generation may be asked for; those deeper than the plan pays come back empty.
    .regex(/^(all|direct|[1-9]\d{0,5})$/, 'must be all, direct or a level number from 1')
    .default('all'),
});
export const networkOutput = z.object({
  network: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      dtehm_member_id: z.string().nullable(),
      dip_member_id: z.string().nullable(),
      is_dtehm_member: z.enum(['Yes', 'No']),
      is_dip_member: z.enum(['Yes', 'No']),
      level: z.number().int(),
      joined_at: dateTime,
      status: z.enum(['Pending', 'Active']),
    }),
  ),
  statistics: z.object({
    total_members: z.number().int(),
    direct_referrals: z.number().int(),
    dtehm_members: z.number().int(),
    dip_members: z.number().int(),
    levels_deep: z.number().int(),
    by_level: z.record(z.string(), z.number().int()),
  }),
  pagination: pagination_from_to,
});

// Admin catalog
export const createCategoryInput = z.object({
  name: z.string().trim().min(1).max(255),
  description: z.string().trim().max(5000).optional(),
});
export const categoryOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string().nullable(),
});

/** Image addresses the app will load: http(s) only (no `javascript:` or `data:` URLs). */
const webUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(1000);

const productFields = {
  name: z.string().trim().min(1).max(255),
  description: z.string().max(20_000).nullable().optional(),
  specifications: z.string().max(20_000).nullable().optional(),
  price: z.number().int('must be a whole amount in the currency minor unit').min(0).max(1e13),
  category_id: id.nullable().optional(),
  feature_photo: webUrl.nullable().optional(),
  images: z.array(webUrl).max(20).optional(),
  stock_quantity: z.number().int().min(0).max(1e9).optional(),
};
export const createProductInput = z.object(productFields);
export const updateProductInput = z.object({ id, ...z.object(productFields).partial().shape });

export const emptyInput = z.object({}).optional();
export const okOutput = z.object({ ok: z.literal(true) });

/** What admin product writes return: the product as its detail page shows it, without related items. */
export const adminProductOutput = productDetailOutput.omit({ related_products: true });
