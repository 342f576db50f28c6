{{/* Labels of every object (part-of comes with cc.labels or with a service's selector labels). */}}
{{- define "cc.common" -}}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Labels of objects that belong to the suite as a whole. */}}
{{- define "cc.labels" -}}
app.kubernetes.io/part-of: contact-center
{{ include "cc.common" . }}
{{- end -}}

{{/* Selector labels of one service: the same labels the build's generated manifests select on. */}}
{{- define "cc.selector" -}}
app.kubernetes.io/name: {{ include "cc.appName" . }}
app.kubernetes.io/part-of: contact-center
{{- end -}}

{{/* The application's name: <service>-service, voice-gateway for the gateway, web-console for the pages. */}}
{{- define "cc.appName" -}}
{{- if eq .name "voice" }}voice-gateway{{ else if eq .name "web" }}web-console{{ else }}{{ .name }}-service{{ end -}}
{{- end -}}

{{- define "cc.image" -}}
{{- $root := .root -}}
{{- if $root.Values.image.registry -}}
{{ printf "%s/%s/%s:%s" $root.Values.image.registry $root.Values.image.repository (include "cc.appName" .) $root.Values.image.tag }}
{{- else -}}
{{ printf "%s/%s:%s" $root.Values.image.repository (include "cc.appName" .) $root.Values.image.tag }}
{{- end -}}
{{- end -}}
