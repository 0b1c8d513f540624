package nl.dsrhub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.junit.jupiter.api.Test;

/**
 * Camel binds the configuration classes in the order they are added, and within one class the methods without
 * parameters first, then those that take no bean of a parameterised method of that class, then the rest: a bean
 * taken before it is made fails the start. This checks the classes against that order, and that every bean a
 * method takes by type is found as exactly one bean.
 */
class BeanOrderTest {

    @Test
    void everyBeanAMethodTakesIsMadeOnceByAnEarlierClassOrByAMethodOfItsOwnClassThatCamelCallsFirst() {
        // bound by Hub itself, before Camel sets up its metrics
        List<Class<?>> made = new ArrayList<>(List.of(io.micrometer.prometheusmetrics.PrometheusMeterRegistry.class));
        for (Field f : StoreBeans.class.getDeclaredFields()) {
            if (f.isAnnotationPresent(BindToRegistry.class)) {
                made.add(f.getType());
            }
        }
        List<String> problems = new ArrayList<>();
        for (Class<?> beans : Hub.BEANS_AFTER_STORES) {
            List<Method> methods = Arrays.stream(beans.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(BindToRegistry.class)).toList();
            List<Class<?>> first = new ArrayList<>(made);
            methods.stream().filter(m -> takenBeans(m).allMatch(t -> matches(made, t) == 1))
                    .forEach(m -> first.add(m.getReturnType()));
            for (Method m : methods) {
                takenBeans(m).filter(t -> matches(first, t) != 1).forEach(t -> problems.add(beans.getSimpleName() + "."
                        + m.getName() + " takes a " + t.getSimpleName() + ": made " + matches(first, t)
                        + " times before it"));
            }
            methods.forEach(m -> made.add(m.getReturnType()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theConfigurationClassesMakeTheBeansTheRoutesReferenceByName() {
        List<String> names = new ArrayList<>();
        for (Class<?> beans : Hub.BEANS_AFTER_STORES) {
            Arrays.stream(beans.getDeclaredMethods()).map(m -> m.getAnnotation(BindToRegistry.class))
                    .filter(b -> b != null).forEach(b -> names.add(b.value()));
        }
        assertThat(names).contains("taskRunner", "planner", "results", "recovery", "interimAnswers", "retentionCalendar",
                "circuitBreakers", "mailInbox", "mailChaser", "officerMail", "delivery", "mailboxPurge", "refusalNotices",
                "officerSession", "officerNotices", "deadlineWatch", "settlement", "purge", "inactiveRequests",
                "resubscriptionCheck", "registers", "dashboard", "restApi", "registersApi").doesNotHaveDuplicates();
    }

    /** The parameters Camel fills with a bean of the registry, by type. */
    private static java.util.stream.Stream<Class<?>> takenBeans(Method m) {
        return Arrays.stream(m.getParameters()).filter(p -> !p.isAnnotationPresent(PropertyInject.class))
                .map(Parameter::getType).filter(t -> t != CamelContext.class);
    }

    private static long matches(List<Class<?>> made, Class<?> type) {
        return made.stream().filter(type::isAssignableFrom).count();
    }
}
