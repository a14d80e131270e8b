/**
 * @module protobuf: the Kubernetes protobuf envelope (`k8s\0` + runtime.Unknown) for the
 * built-in kinds kubectl sends as protobuf (create namespace/configmap/secret/serviceaccount/
 * role/clusterrole/rolebinding/clusterrolebinding/deployment/service/quota/pdb/ingress/job/
 * cronjob/priorityclass/token, auth can-i/whoami); bodies with fields ove cannot decode get 415.
 */
export { decodeProtobufObject, encodeProtobufObject, supportsProtobuf, unsupportedMediaType, notAcceptable, MAGIC, PROTOBUF_MEDIA_TYPE } from './envelope.js';
export { KINDS as PROTOBUF_KINDS } from './schema.js';
