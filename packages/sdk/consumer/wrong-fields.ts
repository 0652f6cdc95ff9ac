// Each line marked `expect-error` must fail to type-check: wrong input and output fields are caught
// by the published types, not at run time.
import { createDtehmClient } from '@komisi/sdk';

const dtehm = createDtehmClient({ baseUrl: 'http://localhost:3000', tenant: 'dtehm' });

export async function wrongInputs() {
  await dtehm.orders.create.mutate({ product_id: 'not-a-number', quantity: 1 }); // expect-error: input type
  await dtehm.orders.create.mutate({ product: 1, quantity: 1 }); // expect-error: unknown input field
  await dtehm.users.register.mutate({ email: 'a@example.com', password: 'password123' }); // expect-error: missing fields
  await dtehm.products.list.query({ per_page: 'many' }); // expect-error: input type
}

export async function wrongOutputs() {
  const { products } = await dtehm.products.list.query({});
  const price: string = products[0]?.id ?? ''; // expect-error: output type
  return [price, products[0]?.no_such_field]; // expect-error: unknown output field
}
