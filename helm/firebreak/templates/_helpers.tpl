{{/* Chart name, truncated to the 63 characters DNS names allow. */}}
{{- define "firebreak.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name: release-chart, unless the release name already contains the chart name. */}}
{{- define "firebreak.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "firebreak.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "firebreak.labels" -}}
helm.sh/chart: {{ include "firebreak.chart" . }}
{{ include "firebreak.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "firebreak.selectorLabels" -}}
app.kubernetes.io/name: {{ include "firebreak.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "firebreak.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "firebreak.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret the pods read: the user's existingSecret or the chart's own. */}}
{{- define "firebreak.secretName" -}}
{{- if .Values.existingSecret }}
{{- .Values.existingSecret }}
{{- else }}
{{- include "firebreak.fullname" . }}
{{- end }}
{{- end }}

{{/*
True (non-empty) when rendering against a cluster (helm install/upgrade, or --dry-run=server): the release
namespace, or kube-system when the namespace is still to be created, can be looked up. Under `helm template`,
`helm lint` and GitOps tools that render offline, lookup returns nothing.
*/}}
{{- define "firebreak.seesCluster" -}}
{{- if or (lookup "v1" "Namespace" "" .Release.Namespace) (lookup "v1" "Namespace" "" "kube-system") }}true{{ end }}
{{- end }}

{{/*
A token that is stable across upgrades: the value given, else the one already in the release's Secret (lookup),
else - only when rendering against a cluster - a new random one, generated once at install and kept by the
lookup afterwards. Offline renders (helm template, GitOps) never invent a token: the key is left out and the
bot's own behaviour applies (see NOTES.txt). Call with (dict "ctx" $ "key" "api-token" "value" .Values.secrets.apiToken).
*/}}
{{- define "firebreak.stableToken" -}}
{{- if .value }}
{{- .value }}
{{- else }}
{{- $existing := lookup "v1" "Secret" .ctx.Release.Namespace (include "firebreak.fullname" .ctx) }}
{{- if and $existing $existing.data (hasKey $existing.data .key) }}
{{- index $existing.data .key | b64dec }}
{{- else if include "firebreak.seesCluster" .ctx }}
{{- randAlphaNum 43 }}
{{- end }}
{{- end }}
{{- end }}

{{/* True (non-empty) when the console signs people in through OpenID Connect (web.oidc issuerUri and clientId). */}}
{{- define "firebreak.webOidcEnabled" -}}
{{- if and .Values.web.oidc.issuerUri .Values.web.oidc.clientId }}true{{ end }}
{{- end }}

{{/* server.forward-headers-strategy: the value given, else native behind the chart's Ingress, else none. */}}
{{- define "firebreak.forwardHeadersStrategy" -}}
{{- if .Values.web.forwardHeadersStrategy }}
{{- .Values.web.forwardHeadersStrategy }}
{{- else if .Values.ingress.enabled }}
{{- "native" }}
{{- else }}
{{- "none" }}
{{- end }}
{{- end }}

{{/* The console's paths, added to every Ingress host when web.ingress is on (/actuator stays off). */}}
{{- define "firebreak.consolePaths" -}}
- {path: /, pathType: Exact}
{{- range list "/login" "/logout" "/denied" "/oauth2" "/incidents" "/postmortems" "/runbooks" "/insights" "/operations" "/console" "/webjars" }}
- {path: {{ . }}, pathType: Prefix}
{{- end }}
{{- end }}

{{/* The ConfigMap holding the runbook files. */}}
{{- define "firebreak.runbooksConfigMap" -}}
{{- if .Values.runbooks.existingConfigMap }}
{{- .Values.runbooks.existingConfigMap }}
{{- else }}
{{- printf "%s-runbooks" (include "firebreak.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* Fails rendering on combinations that cannot work. */}}
{{- define "firebreak.validate" -}}
{{- if and (not .Values.database.url) (gt (int .Values.replicaCount) 1) }}
{{- fail "replicaCount > 1 needs PostgreSQL: set database.url (the embedded H2 database is per pod)" }}
{{- end }}
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.existingSecret) (not .Values.secrets.apiToken) (not (include "firebreak.seesCluster" .)) }}
{{- fail "replicaCount > 1 rendered offline (helm template / GitOps) needs secrets.apiToken and secrets.alertmanagerBearerToken, or existingSecret: the chart only generates tokens when it can see the cluster, and each replica would otherwise make its own API token" }}
{{- end }}
{{- if and .Values.web.oidc.issuerUri (not .Values.web.oidc.clientId) }}
{{- fail "web.oidc.issuerUri needs web.oidc.clientId (and the client secret in secrets.webOidcClientSecret or existingSecret)" }}
{{- end }}
{{- if and .Values.web.oidc.clientId (not .Values.web.oidc.issuerUri) }}
{{- fail "web.oidc.clientId needs web.oidc.issuerUri" }}
{{- end }}
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.existingSecret) (not .Values.secrets.webAdminPassword) (not (include "firebreak.webOidcEnabled" .)) (not (include "firebreak.seesCluster" .)) }}
{{- fail "replicaCount > 1 rendered offline (helm template / GitOps) without web.oidc needs secrets.webAdminPassword, or existingSecret: each replica would otherwise generate its own console admin password" }}
{{- end }}
{{- if and .Values.runbooks.rbac.create (not .Values.runbooks.kubernetes.enabled) }}
{{- fail "runbooks.rbac.create needs runbooks.kubernetes.enabled (the permissions are for the bot's in-cluster Kubernetes access)" }}
{{- end }}
{{- end }}
