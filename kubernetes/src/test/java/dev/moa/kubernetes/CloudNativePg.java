package dev.moa.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;

/**
 * The part of CloudNativePG's API (postgresql.cnpg.io/v1, operator 1.25 or newer) that Moa's manifests use, as
 * records: no Java model of it is published, so this is the schema the manifests are held to. A field the
 * manifests need and this lacks must be added here, after checking it in the CloudNativePG API reference.
 */
final class CloudNativePg {

    static final String API_VERSION = "postgresql.cnpg.io/v1";

    private CloudNativePg() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {
    }

    record ClusterSpec(Integer instances, String imageName, String primaryUpdateStrategy, Storage storage,
                       Storage walStorage, Postgresql postgresql, Bootstrap bootstrap, Managed managed,
                       ResourceRequirements resources, Monitoring monitoring, Backup backup) {
    }

    record Storage(String size, String storageClass) {
    }

    record Postgresql(Map<String, String> parameters) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner, SecretRef secret) {
    }

    record Managed(List<Role> roles) {
    }

    record Role(String name, String ensure, Boolean login, SecretRef passwordSecret, List<String> inRoles) {
    }

    record SecretRef(String name) {
    }

    record Monitoring(Boolean enablePodMonitor) {
    }

    record Backup(String retentionPolicy, BarmanObjectStore barmanObjectStore) {
    }

    record BarmanObjectStore(String destinationPath, S3Credentials s3Credentials, Compression wal, Compression data) {
    }

    record S3Credentials(SecretKeyRef accessKeyId, SecretKeyRef secretAccessKey) {
    }

    record SecretKeyRef(String name, String key) {
    }

    record Compression(String compression) {
    }

    record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {
    }

    record ScheduledBackupSpec(String schedule, String backupOwnerReference, Boolean immediate, String method,
                               ClusterRef cluster) {
    }

    record ClusterRef(String name) {
    }

    record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {
    }

    record DatabaseSpec(String name, String owner, String ensure, String databaseReclaimPolicy, ClusterRef cluster) {
    }
}
