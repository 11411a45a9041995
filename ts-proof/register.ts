// Registers one attendee through the TypeScript client that the build generates from
// openapi/openapi.yaml (typescript-fetch, into target/ts-client): the proof that the contract
// serves another language unchanged. Uses the example values of the platform's docs.
//
//   node target/ts-build/register.js <baseUrl> [mobile]
//
// Prints the order number and check-in code. Exits 1 when the platform refuses
// (businessCode != 0) or the call fails, 2 on a usage error.

import { AttendeeApi, Configuration, FetchError, ResponseError } from './target/ts-client';

async function main(baseUrl: string, mobile: string): Promise<number> {
  const api = new AttendeeApi(new Configuration({ basePath: baseUrl }));
  const answer = await api.registerAttendee({
    registerAttendeeRequest: {
      bventId: '07320000-fe25-16f7-4c65-08d9fb59aefd',
      attendeeTypeId: '51f10000-4961-fe41-aba5-08dc70ba48eb',
      attendee: {
        fields: [
          { fieldName: 'FullName', fieldValue: '张晓明' },
          { fieldName: 'Mobile', fieldValue: mobile },
        ],
      },
      items: [{ itemSkuId: '40180000-300e-9237-c7af-08dc6f31f78c', itemSkuName: '嘉宾', quantity: 1 }],
    },
  });
  if (answer.businessCode !== 0) {
    console.error(`Refused by the platform: businessCode ${answer.businessCode} ${answer.businessMessage ?? ''}`);
    return 1;
  }
  const order = answer.data;
  const checkinCode = order?.orderAttendees?.[0]?.checkinCode;
  if (!order?.orderNo || !checkinCode) {
    console.error('businessCode 0 but no order number or check-in code in the answer');
    return 1;
  }
  console.log(`Registered: order ${order.orderNo}, check-in code ${checkinCode}`);
  return 0;
}

const [baseUrl, mobile = '13912345678'] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node register.js <baseUrl> [mobile]');
  process.exitCode = 2;
} else {
  main(baseUrl, mobile).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      if (error instanceof ResponseError) {
        console.error(`HTTP ${error.response.status} from ${baseUrl}`);
      } else if (error instanceof FetchError) {
        console.error(`Could not reach ${baseUrl}: ${error.cause.message}`);
      } else {
        console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      process.exitCode = 1;
    },
  );
}
