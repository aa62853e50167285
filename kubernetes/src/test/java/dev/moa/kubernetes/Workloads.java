package dev.moa.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/** The pod templates of an overlay's Deployments and StatefulSets, named "Kind/name" for messages. */
record Workloads(String name, PodTemplateSpec template) {

    static List<Workloads> of(Manifests manifests) {
        List<Workloads> workloads = new ArrayList<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            workloads.add(new Workloads("Deployment/" + Manifests.name(deployment),
                    deployment.getSpec().getTemplate()));
        }
        for (StatefulSet statefulSet : manifests.all(StatefulSet.class)) {
            workloads.add(new Workloads("StatefulSet/" + Manifests.name(statefulSet),
                    statefulSet.getSpec().getTemplate()));
        }
        return workloads;
    }

    List<Container> containers() {
        List<Container> containers = new ArrayList<>(template.getSpec().getContainers());
        if (template.getSpec().getInitContainers() != null) {
            containers.addAll(template.getSpec().getInitContainers());
        }
        return containers;
    }

    @Override
    public String toString() {
        return name;
    }
}
