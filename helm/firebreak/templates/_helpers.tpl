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
A token that is stable across upgrades: the value given, else the one already in the release's Secret,
else a new random one. Call with (dict "ctx" $ "key" "api-token" "value" .Values.secrets.apiToken).
*/}}
{{- define "firebreak.stableToken" -}}
{{- if .value }}
{{- .value }}
{{- else }}
{{- $existing := lookup "v1" "Secret" .ctx.Release.Namespace (include "firebreak.fullname" .ctx) }}
{{- if and $existing (hasKey $existing.data .key) }}
{{- index $existing.data .key | b64dec }}
{{- else }}
{{- randAlphaNum 43 }}
{{- end }}
{{- end }}
{{- end }}

{{/* Fails rendering on combinations that cannot work. */}}
{{- define "firebreak.validate" -}}
{{- if and (not .Values.database.url) (gt (int .Values.replicaCount) 1) }}
{{- fail "replicaCount > 1 needs PostgreSQL: set database.url (the embedded H2 database is per pod)" }}
{{- end }}
{{- end }}
