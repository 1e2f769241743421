package io.certwright.kubernetes;

import io.certwright.core.cluster.ChangeListener;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A view of a {@link Cluster} for the {@code ControllerManager} that holds back the change listeners it
 * registers, so that only the listeners of enabled controllers are attached to the real cluster.
 *
 * <p>The manager adds exactly one listener per {@code register} call, in registration order, so the
 * n-th held listener belongs to the n-th name of {@code controllerNames()}; {@link #attach} checks that
 * the counts match. A disabled controller then receives no keys from changes or resyncs, and its
 * workers stay idle.
 *
 * <p>NOTE: a filter in the core (for example a set of enabled names given to the manager) would make
 * this decorator unnecessary.
 */
final class ListenerGate {
    private final Cluster cluster;
    private final List<ChangeListener> heldListeners = Collections.synchronizedList(new ArrayList<>());
    private final List<ChangeListener> attached = new ArrayList<>();
    private final Cluster view;

    ListenerGate(Cluster cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        // A dynamic proxy forwards every other method of the port unchanged, including ones added later.
        this.view = (Cluster) Proxy.newProxyInstance(Cluster.class.getClassLoader(), new Class<?>[] {Cluster.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("addListener") && args != null && args.length == 1) {
                        heldListeners.add((ChangeListener) args[0]);
                        return null;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "ListenerGate(" + cluster + ")";
                        };
                    }
                    try {
                        return method.invoke(cluster, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Returns the cluster to give to the controller manager. */
    Cluster view() {
        return view;
    }

    /**
     * Attaches the held listeners of the enabled controllers to the real cluster.
     *
     * @param registered the manager's controller names, in registration order
     * @param enabled the names to attach
     * @throws IllegalStateException when the manager did not add one listener per controller
     */
    synchronized void attach(List<String> registered, List<String> enabled) {
        if (heldListeners.size() != registered.size()) {
            throw new IllegalStateException("the controller manager added " + heldListeners.size()
                    + " change listeners for " + registered.size()
                    + " controllers, so it is unknown which listener belongs to which controller");
        }
        for (int i = 0; i < registered.size(); i++) {
            if (enabled.contains(registered.get(i))) {
                ChangeListener listener = heldListeners.get(i);
                attached.add(listener);
                cluster.addListener(listener);
            }
        }
    }

    /**
     * Delivers every cached object of every kind to the attached listeners as if it were new: the periodic
     * resync that catches anything a missed notification left behind.
     */
    void replayAll() {
        List<ChangeListener> listeners;
        synchronized (this) {
            listeners = List.copyOf(attached);
        }
        for (ResourceKind<?> kind : ResourceKind.ALL) {
            for (HasMetadata object : cluster.list(kind, null)) {
                for (ChangeListener listener : listeners) {
                    listener.onChange(kind, null, object);
                }
            }
        }
    }
}
