package io.zhidu.crm.support;

import io.zhidu.crm.contract.ContractShipped;
import io.zhidu.crm.contract.ContractSigned;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records the contract events a receivables module would see, once their transaction committed. */
@TestConfiguration(proxyBeanMethods = false)
public class TestContractEvents {

    @Bean
    Recorder contractRecorder() {
        return new Recorder();
    }

    public static class Recorder {

        public final List<ContractSigned> signed = new CopyOnWriteArrayList<>();
        public final List<ContractShipped> shipped = new CopyOnWriteArrayList<>();

        @TransactionalEventListener
        public void on(ContractSigned event) {
            signed.add(event);
        }

        @TransactionalEventListener
        public void on(ContractShipped event) {
            shipped.add(event);
        }

        public List<ContractSigned> signed(long contractId) {
            return signed.stream().filter(e -> e.contractId() == contractId).toList();
        }

        public List<ContractShipped> shipped(long contractId) {
            return shipped.stream().filter(e -> e.contractId() == contractId).toList();
        }
    }
}
