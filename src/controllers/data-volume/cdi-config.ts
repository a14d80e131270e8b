/**
 * The CDIConfig `config` as cdi-controller's config controller keeps it
 * (`pkg/controller/config-controller.go`): created when missing, with
 * `status.uploadProxyURL` set from `spec.uploadProxyURLOverride`, else from where the
 * upload proxy is exposed (on OpenShift its Route; in ove the API server's listener
 * with the proxy's prefix), and the filesystem overhead the DataVolume controller applies.
 * virtctl image-upload reads `status.uploadProxyURL` to find the proxy.
 */
import type { KubeObject } from '../../api/types.js';
import type { Manager } from '../../runtime/manager.js';
import { isCode } from '../persistent-volume/resources.js';
import { FILESYSTEM_OVERHEAD } from './children.js';

/** The cdiconfigs resource. */
export const CDI_CONFIGS = { group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'cdiconfigs', namespaced: false };
/** The one CDIConfig CDI reads. */
export const CDI_CONFIG_NAME = 'config';

/** Registers the controller; `uploadProxyURL` is where this server exposes cdi-uploadproxy. */
export function registerCdiConfigController(mgr: Manager, uploadProxyURL: string): void {
  const configs = mgr.informer(CDI_CONFIGS);
  const ctl = mgr.controller('cdi-config', reconcile);
  configs.on({ add: () => ctl.enqueue(CDI_CONFIG_NAME), update: () => ctl.enqueue(CDI_CONFIG_NAME), delete: () => ctl.enqueue(CDI_CONFIG_NAME) });
  ctl.enqueue(CDI_CONFIG_NAME);

  async function reconcile(): Promise<void> {
    let cfg: KubeObject | undefined = configs.get(CDI_CONFIG_NAME);
    if (!cfg) {
      cfg = await mgr.client.create(CDI_CONFIGS, { apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'CDIConfig', metadata: { name: CDI_CONFIG_NAME, labels: { 'app.kubernetes.io/component': 'storage', 'app.kubernetes.io/managed-by': 'cdi-operator' } }, spec: {} }).catch((e) => {
        if (!isCode(e, 409)) throw e;
        return undefined;
      });
      if (!cfg) return;
    }
    const spec = (cfg.spec ?? {}) as { uploadProxyURLOverride?: string };
    const prev = (cfg.status ?? {}) as Record<string, unknown>;
    const status = {
      ...prev,
      uploadProxyURL: spec.uploadProxyURLOverride || uploadProxyURL,
      // What the DataVolume controller applies (spec.filesystemOverhead is not honoured yet).
      filesystemOverhead: { global: String(FILESYSTEM_OVERHEAD) },
    };
    if (JSON.stringify(status) === JSON.stringify(prev)) return;
    await mgr.client.updateStatus(CDI_CONFIGS, { ...cfg, status });
  }
}
