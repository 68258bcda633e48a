// The shape of an NHS ODS code, checked before an organisation is registered with one.
import { z } from 'zod';

/**
 * NHS England documents ODS codes as 1 to 9 letters or digits (digital.nhs.uk/developer/guides-and-documentation/
 * building-healthcare-software/organisations-and-services): trusts RXH, pharmacies FVR79, practices A81001, branch
 * surgeries K81003001. Organisations have at least 3, so a shorter code is taken for a typo. Codes are capitals.
 */
export const odsCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{3,9}$/, 'an ODS code is 3 to 9 letters or digits, such as RXH (a trust) or A81001 (a GP practice)');
