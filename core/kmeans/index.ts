// k-means on standardised RFM with automatic K (SPEC §5c `a-kmeans-rfm`): pure, deterministic, seeded.
export {
  clusterCustomers,
  clusterNoteMessage,
  NOT_CLUSTERED,
  type ClusterInput,
  type ClusterResult,
  type ClusterReport,
  type ClusterProfile,
  type ClusterNote,
  type ClusterNoteCode,
  type KCandidate,
} from './cluster-customers.js';
export {
  clusterOptionsSchema,
  resolveClusterOptions,
  type ClusterOptions,
  type ClusterOptionsInput,
} from './cluster-options.js';
export { KMeansError, KMEANS_ERROR_CODES, type KMeansErrorCode } from './kmeans-error.js';
export { standardize, unstandardize, type Standardization, type StandardizeOptions } from './standardize.js';
export { seedPlusPlus, type SeededCentroids } from './seed-plus-plus.js';
export { lloyd, inertiaOf, scaledTolerance, type LloydOptions, type LloydResult, type LloydStop } from './lloyd.js';
export { runKMeans, type KMeansRun, type KMeansRunOptions } from './run-kmeans.js';
export { silhouette, stratifiedSample, type SilhouetteOptions, type SilhouetteResult } from './silhouette.js';
export { nameClusters, type ClusterName, type RfmPoint } from './name-clusters.js';
