// Safe downloads of remote datasources (Automation API `http` datasources): the only way the server fetches a URL
// a user gave it.
export { fetchToFile, type FetchToFileOptions, type RemoteFile } from "@/lib/remote-fetch/fetch-to-file";
export { datasourceUrl, parseRemoteUrl } from "@/lib/remote-fetch/remote-url";
export { datasourceHeaders, type HttpDatasource } from "@/lib/remote-fetch/request-headers";
export { parseAllowedPrivateHosts } from "@/lib/remote-fetch/allowed-hosts";
export { classifyAddress, isPublicAddress } from "@/lib/remote-fetch/address-policy";
