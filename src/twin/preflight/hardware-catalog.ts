/**
 * Facts about known hardware models, so preflight can tell a definition that cannot exist
 * from one that merely looks unusual. Sources: HPE QuickSpecs for the ProLiant DL360/DL380
 * Gen11 (Intel Xeon Scalable 4th/5th gen, iLO 6) and DL385 Gen11 (AMD EPYC 9004/9005);
 * Dell PowerEdge R660/R760 (Intel) and R7625 (AMD) spec sheets; Arista 7050X3 and 7020R
 * data sheets (1U). Models not listed are not checked.
 */

/** What preflight knows about a server model. */
export interface ServerModel {
  heightU: number;
  cpuVendor: 'intel' | 'amd';
  bmc: 'ilo' | 'idrac';
}

/** Known server models by the name a definition uses. */
export const SERVER_MODELS: Readonly<Record<string, ServerModel>> = {
  'HPE ProLiant DL360 Gen11': { heightU: 1, cpuVendor: 'intel', bmc: 'ilo' },
  'HPE ProLiant DL380 Gen11': { heightU: 2, cpuVendor: 'intel', bmc: 'ilo' },
  'HPE ProLiant DL385 Gen11': { heightU: 2, cpuVendor: 'amd', bmc: 'ilo' },
  'Dell PowerEdge R660': { heightU: 1, cpuVendor: 'intel', bmc: 'idrac' },
  'Dell PowerEdge R760': { heightU: 2, cpuVendor: 'intel', bmc: 'idrac' },
  'Dell PowerEdge R7625': { heightU: 2, cpuVendor: 'amd', bmc: 'idrac' },
};

/** Known switch heights. */
export const SWITCH_HEIGHT_U: Readonly<Record<string, number>> = {
  'Arista 7050X3': 1,
  'Arista 7020R': 1,
};

/** The CPU vendor a model name implies (`AMD EPYC 9454` → amd), if it is recognisable. */
export function cpuVendor(model: string): 'intel' | 'amd' | undefined {
  if (/\b(epyc|amd)\b/i.test(model)) return 'amd';
  if (/\b(xeon|intel)\b/i.test(model)) return 'intel';
  return undefined;
}
