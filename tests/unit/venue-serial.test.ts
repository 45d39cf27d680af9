import { describe, expect, it } from 'vitest';
import { serialNumberBytes } from '../../main/venue/tls';

describe('the host certificate serial number', () => {
  it('is positive and minimal in DER whatever the random bytes, so OpenSSL never calls it padding', () => {
    for (const first of [0x00, 0x01, 0x7f, 0x80, 0xff]) {
      for (const second of [0x00, 0x7f, 0x80, 0xff]) {
        const random = new Uint8Array(16).fill(0xaa);
        random[0] = first;
        random[1] = second;
        const serial = serialNumberBytes(random);
        expect(serial[0]).toBeGreaterThan(0);
        expect(serial[0]).toBeLessThan(0x80);
        expect(serial.length).toBe(16);
        expect([...serial.subarray(1)]).toEqual([...random.subarray(1)]);
      }
    }
  });
});
