/** CDI's progress string (`fmt.Sprintf("%.2f%%", p)`, pkg/controller/datavolume/controller-base.go); `N/A` when unknown. */
export function formatProgress(percent: number | undefined): string {
  return percent === undefined || !Number.isFinite(percent) ? 'N/A' : `${percent.toFixed(2)}%`;
}
